package cn.studyflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every statement of BulletinMapper.xml: a bulletin read back with the names of its organisation, author, last editor
 * and publisher; which bulletins a reader lists and counts (published ones of a subtree holding them, and for the
 * issuing department every bulletin of its own subtree, drafts included), newest year first, then last changed, in
 * pages; and a draft edited or published only at the version it was read at, never again once published. The tree: a
 * city over a county over two towns, and another county beside it.
 */
@MapperTest
class BulletinMapperTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T09:00:00+08:00");

    @Autowired BulletinMapper bulletins;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Org city;
    Org county;
    Org town;
    Org otherTown;
    Org otherCounty;
    Person dept;
    Person editor;

    @BeforeEach
    void tree() {
        city = Rows.org(orgs, "潍坊市委", null);
        county = Rows.org(orgs, "青州市委", city);
        town = Rows.org(orgs, "卞桥镇党委", county);
        otherTown = Rows.org(orgs, "王坟镇党委", county);
        otherCounty = Rows.org(orgs, "寿光市委", city);
        dept = Rows.person(people, county, "刘志强", true, Role.DEPT);
        editor = Rows.person(people, county, "赵丽娟", true, Role.DEPT);
    }

    @Test
    void aBulletinIsReadBackWithItsNamesAndNoneForAnUnknownId() {
        Bulletin year = bulletin(county, 2025, null, T0);
        Bulletin quarter = bulletin(town, 2026, 2, T0.plusDays(1));

        Bulletin read = bulletins.selectById(year.getId());
        assertThat(read.getOrgId()).isEqualTo(county.getId());
        assertThat(read.getOrgName()).isEqualTo("青州市委");
        assertThat(read.getBulletinYear()).isEqualTo(2025);
        assertThat(read.getQuarter()).as("a bulletin of the whole year").isNull();
        assertThat(read.getTitle()).isEqualTo("青州市委2025年度学习通报");
        assertThat(read.getBody()).isEqualTo("一、总体情况\n共召开学习会 12 次。");
        assertThat(read.getStatus()).isEqualTo(Bulletin.Status.DRAFT);
        assertThat(read.getCreatedBy()).isEqualTo(dept.getId());
        assertThat(read.getCreatedByName()).isEqualTo("刘志强");
        assertThat(read.getUpdatedByName()).isEqualTo("刘志强");
        assertThat(read.getCreatedAt()).isAtSameInstantAs(T0);
        assertThat(read.getUpdatedAt()).isAtSameInstantAs(T0);
        assertThat(read.getPublishedBy()).isNull();
        assertThat(read.getPublishedByName()).as("a draft has no publisher, and is read all the same").isNull();
        assertThat(read.getVersion()).isZero();

        Bulletin other = bulletins.selectById(quarter.getId());
        assertThat(other.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(other.getQuarter()).isEqualTo(2);
        assertThat(bulletins.selectById(quarter.getId() + 1000)).isNull();
    }

    @Test
    void theIssuingDepartmentListsEveryBulletinOfItsSubtreeNewestYearFirstThenLastChangedInPages() {
        // a 2025 bulletin changed last of all: the year comes before the time of the last change
        Bulletin annual = bulletin(county, 2025, null, T0.plusMonths(2));
        Bulletin first = bulletin(county, 2026, 1, T0.plusDays(1));
        Bulletin second = bulletin(town, 2026, 2, T0);
        Bulletin sameTime = bulletin(otherTown, 2026, 2, T0);
        bulletin(otherCounty, 2026, 3, T0.plusDays(5));

        assertThat(ids(county, true, 0, 10)).as("drafts of the whole subtree, the other county's not")
            .containsExactly(first.getId(), sameTime.getId(), second.getId(), annual.getId());
        assertThat(bulletins.countReadable(county.getPath(), true)).isEqualTo(4);
        assertThat(ids(county, true, 1, 2)).as("the second and third").containsExactly(sameTime.getId(), second.getId());
        assertThat(ids(county, true, 4, 2)).isEmpty();

        assertThat(ids(city, true, 0, 10)).as("a department above lists the drafts below it").hasSize(5);
        assertThat(bulletins.countReadable(city.getPath(), true)).isEqualTo(5);
        assertThat(ids(town, true, 0, 10)).as("a department below sees no draft of the county")
            .containsExactly(second.getId());
        assertThat(bulletins.countReadable(town.getPath(), true)).isOne();
        assertThat(ids(county, false, 0, 10)).as("no draft for a reader who does not issue").isEmpty();
        assertThat(bulletins.countReadable(county.getPath(), false)).isZero();
    }

    @Test
    void aPublishedBulletinIsReadInEveryOrganisationOfItsSubtreeAndNowhereElse() {
        Bulletin ofCounty = bulletin(county, 2026, 1, T0);
        Bulletin ofTown = bulletin(town, 2026, 2, T0.plusDays(1));
        Bulletin ofCity = bulletin(city, 2025, null, T0.plusDays(2));
        Bulletin draft = bulletin(county, 2026, 3, T0.plusDays(3));
        for (Bulletin b : List.of(ofCounty, ofTown, ofCity)) {
            assertThat(bulletins.publish(published(b, dept, b.getUpdatedAt()))).isOne();
        }

        assertThat(ids(town, false, 0, 10)).as("newest year first, then last published")
            .containsExactly(ofTown.getId(), ofCounty.getId(), ofCity.getId());
        assertThat(bulletins.countReadable(town.getPath(), false)).isEqualTo(3);
        assertThat(ids(otherTown, false, 0, 10)).containsExactly(ofCounty.getId(), ofCity.getId());
        assertThat(bulletins.countReadable(otherTown.getPath(), false)).isEqualTo(2);
        assertThat(ids(county, false, 0, 10)).as("a town's bulletin is not the county's to read")
            .containsExactly(ofCounty.getId(), ofCity.getId());
        assertThat(ids(otherCounty, false, 0, 10)).containsExactly(ofCity.getId());
        assertThat(ids(city, false, 0, 10)).as("published for a subtree, not for the one above")
            .containsExactly(ofCity.getId());
        assertThat(bulletins.countReadable(city.getPath(), false)).isOne();

        assertThat(ids(county, true, 0, 10)).as("the department: its subtree's, drafts included, and the city's")
            .containsExactly(draft.getId(), ofTown.getId(), ofCounty.getId(), ofCity.getId());
        assertThat(bulletins.countReadable(county.getPath(), true)).isEqualTo(4);
    }

    @Test
    void aDraftIsEditedOnlyAtTheVersionItWasReadAt() {
        Bulletin b = bulletin(county, 2026, 1, T0);
        Bulletin stale = bulletins.selectById(b.getId());
        Bulletin other = bulletin(town, 2026, 1, T0);

        Bulletin edit = bulletins.selectById(b.getId());
        edit.setTitle("青州市委2026年第一季度理论学习中心组学习通报");
        edit.setBody("一、总体情况\n全市学习总体平稳。");
        edit.setUpdatedBy(editor.getId());
        edit.setUpdatedAt(T0.plusHours(2));
        assertThat(bulletins.updateDraft(edit)).isOne();
        stale.setTitle("旧表单的标题");
        stale.setUpdatedBy(dept.getId());
        stale.setUpdatedAt(T0.plusHours(3));
        assertThat(bulletins.updateDraft(stale)).as("a form read at the old version").isZero();

        Bulletin read = bulletins.selectById(b.getId());
        assertThat(read.getVersion()).isOne();
        assertThat(read.getTitle()).isEqualTo("青州市委2026年第一季度理论学习中心组学习通报");
        assertThat(read.getBody()).isEqualTo("一、总体情况\n全市学习总体平稳。");
        assertThat(read.getUpdatedByName()).isEqualTo("赵丽娟");
        assertThat(read.getUpdatedAt()).isAtSameInstantAs(T0.plusHours(2));
        assertThat(read.getCreatedByName()).as("the author stays").isEqualTo("刘志强");
        assertThat(read.getCreatedAt()).isAtSameInstantAs(T0);
        assertThat(read.getStatus()).isEqualTo(Bulletin.Status.DRAFT);

        Bulletin untouched = bulletins.selectById(other.getId());
        assertThat(untouched.getTitle()).as("only the row of that id").isEqualTo("卞桥镇党委2026年第1季度学习通报");
        assertThat(untouched.getVersion()).isZero();
    }

    @Test
    void aDraftIsPublishedOnceAtItsVersionAndThenNoLongerChanges() {
        Bulletin b = bulletin(county, 2026, 4, T0);
        Bulletin other = bulletin(otherTown, 2026, 4, T0);

        assertThat(bulletins.publish(published(bulletins.selectById(b.getId()), editor, T0.plusDays(1)))).isOne();
        Bulletin stale = bulletins.selectById(other.getId());
        stale.setVersion(1);
        assertThat(bulletins.publish(published(stale, dept, T0.plusDays(1))))
            .as("a draft read at a version it never had").isZero();

        Bulletin read = bulletins.selectById(b.getId());
        assertThat(read.getStatus()).isEqualTo(Bulletin.Status.PUBLISHED);
        assertThat(read.isPublished()).isTrue();
        assertThat(read.getPublishedBy()).isEqualTo(editor.getId());
        assertThat(read.getPublishedByName()).isEqualTo("赵丽娟");
        assertThat(read.getPublishedAt()).isAtSameInstantAs(T0.plusDays(1));
        assertThat(read.getUpdatedByName()).as("publishing is the last change").isEqualTo("赵丽娟");
        assertThat(read.getUpdatedAt()).isAtSameInstantAs(T0.plusDays(1));
        assertThat(read.getCreatedByName()).isEqualTo("刘志强");
        assertThat(read.getVersion()).isOne();
        assertThat(bulletins.selectById(other.getId()).getStatus()).isEqualTo(Bulletin.Status.DRAFT);

        read.setTitle("发布后再改的标题");
        read.setUpdatedBy(dept.getId());
        read.setUpdatedAt(T0.plusDays(2));
        assertThat(bulletins.updateDraft(read)).as("at the current version, but published").isZero();
        assertThat(bulletins.publish(published(read, dept, T0.plusDays(2)))).as("published once only").isZero();
        Bulletin still = bulletins.selectById(b.getId());
        assertThat(still.getTitle()).isEqualTo("青州市委2026年第4季度学习通报");
        assertThat(still.getPublishedByName()).isEqualTo("赵丽娟");
        assertThat(still.getVersion()).isOne();
    }

    private List<Long> ids(Org reader, boolean issuer, int offset, int limit) {
        return bulletins.selectReadable(reader.getPath(), issuer, offset, limit).stream().map(Bulletin::getId).toList();
    }

    private static Bulletin published(Bulletin b, Person by, OffsetDateTime at) {
        b.setPublishedBy(by.getId());
        b.setPublishedAt(at);
        return b;
    }

    /** A draft of {@code org} written by the department, last changed at {@code at}. */
    private Bulletin bulletin(Org org, int year, Integer quarter, OffsetDateTime at) {
        Bulletin b = new Bulletin();
        b.setOrgId(org.getId());
        b.setBulletinYear(year);
        b.setQuarter(quarter);
        b.setTitle(org.getName() + year + (quarter == null ? "年度" : "年第" + quarter + "季度") + "学习通报");
        b.setBody("一、总体情况\n共召开学习会 12 次。");
        b.setStatus(Bulletin.Status.DRAFT);
        b.setCreatedBy(dept.getId());
        b.setCreatedAt(at);
        b.setUpdatedBy(dept.getId());
        b.setUpdatedAt(at);
        bulletins.insert(b);
        return b;
    }
}
