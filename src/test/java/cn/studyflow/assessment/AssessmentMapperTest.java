package cn.studyflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** The grades with their record and versions, the weights, and who reads which bulletin, on H2 and PostgreSQL. */
@MapperTest
class AssessmentMapperTest {

    @Autowired AssessmentMapper assessments;
    @Autowired BulletinMapper bulletins;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Org city;
    Org county;
    Org town;
    Org otherCounty;
    Person dept;

    @BeforeEach
    void tree() {
        city = Rows.org(orgs, "潍坊市委", null);
        county = Rows.org(orgs, "青州市委", city);
        town = Rows.org(orgs, "卞桥镇党委", county);
        otherCounty = Rows.org(orgs, "寿光市委", city);
        dept = Rows.person(people, county, "刘志强", true, Role.DEPT);
    }

    @Test
    void aGradeIsSavedOnceAtItsVersionAndEverySaveIsRecorded() {
        Assessment a = grade(town, 2026, Grade.GOOD, "按计划开展学习");
        assessments.insert(a);
        assessments.insertEntry(a);

        Assessment read = assessments.selectOne(town.getId(), 2026);
        assertThat(read.getGrade()).isEqualTo(Grade.GOOD);
        assertThat(read.getGradedByName()).isEqualTo("刘志强");
        assertThat(read.getScore()).isEqualByComparingTo("81.25");
        assertThat(read.getVersion()).isZero();

        read.setGrade(Grade.EXCELLENT);
        read.setComment("学习扎实");
        read.setGradedAt(read.getGradedAt().plusMinutes(5));
        assertThat(assessments.update(read)).isOne();
        assessments.insertEntry(read);
        assertThat(assessments.update(read)).as("the version read is stale now").isZero();

        assertThat(assessments.selectOne(town.getId(), 2026).getVersion()).isOne();
        assertThat(assessments.selectEntries(read.getId())).extracting(Assessment::getGrade)
            .containsExactly(Grade.EXCELLENT, Grade.GOOD);
        assertThat(assessments.selectInSubtree(county.getPath(), 2026)).extracting(Assessment::getOrgId)
            .containsExactly(town.getId());
        assertThat(assessments.selectInSubtree(otherCounty.getPath(), 2026)).isEmpty();
        assertThat(assessments.selectInSubtree(county.getPath(), 2025)).isEmpty();
        assertThatThrownBy(() -> assessments.insert(grade(town, 2026, Grade.FAIR, null)))
            .as("one grade per organisation and year").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theWeightsAreReplacedWhole() {
        assertThat(assessments.selectWeights()).isEmpty();
        for (Indicator i : Indicator.values()) {
            assessments.insertWeight(i, i == Indicator.ATTENDANCE ? 40 : 10, dept.getId(), OffsetDateTime.now());
        }
        assertThat(assessments.selectWeights()).hasSize(Indicator.values().length)
            .allSatisfy(w -> assertThat(w.getUpdatedByName()).isEqualTo("刘志强"))
            .filteredOn(w -> w.getIndicator() == Indicator.ATTENDANCE).extracting(WeightRow::getWeight).containsExactly(40);
        assertThat(assessments.deleteWeights()).isEqualTo(Indicator.values().length);
        assertThat(assessments.selectWeights()).isEmpty();
    }

    @Test
    void aDraftIsReadByItsIssuersSubtreeOnlyAndAPublishedOneByEveryoneBelow() {
        Bulletin b = bulletin(county);
        bulletins.insert(b);

        assertThat(ids(county.getPath(), true)).containsExactly(b.getId());
        assertThat(ids(city.getPath(), true)).as("a department above").containsExactly(b.getId());
        assertThat(ids(town.getPath(), false)).isEmpty();
        assertThat(ids(town.getPath(), true)).as("a department below sees no draft of its superior").isEmpty();
        assertThat(bulletins.countReadable(town.getPath(), false)).isZero();

        b.setTitle("青州市委2026年第四季度学习通报（修改）");
        assertThat(bulletins.updateDraft(b)).isOne();
        b.setVersion(1);
        b.setPublishedBy(dept.getId());
        b.setPublishedAt(OffsetDateTime.now());
        assertThat(bulletins.publish(b)).isOne();
        b.setVersion(2);
        assertThat(bulletins.updateDraft(b)).as("a published bulletin no longer changes").isZero();
        assertThat(bulletins.publish(b)).isZero();

        Bulletin read = bulletins.selectById(b.getId());
        assertThat(read.getStatus()).isEqualTo(Bulletin.Status.PUBLISHED);
        assertThat(read.getTitle()).endsWith("（修改）");
        assertThat(read.getPublishedByName()).isEqualTo("刘志强");
        assertThat(read.getQuarter()).isEqualTo(4);
        assertThat(ids(town.getPath(), false)).containsExactly(b.getId());
        assertThat(ids(county.getPath(), false)).containsExactly(b.getId());
        assertThat(ids(otherCounty.getPath(), false)).isEmpty();
        assertThat(ids(city.getPath(), false)).as("published for a subtree, not for the one above").isEmpty();
        assertThat(bulletins.countReadable(town.getPath(), false)).isOne();
    }

    private java.util.List<Long> ids(String path, boolean issuer) {
        return bulletins.selectReadable(path, issuer, 0, 10).stream().map(Bulletin::getId).toList();
    }

    private Assessment grade(Org org, int year, Grade grade, String comment) {
        Assessment a = new Assessment();
        a.setOrgId(org.getId());
        a.setAssessYear(year);
        a.setGrade(grade);
        a.setComment(comment);
        a.setScore(new BigDecimal("81.25"));
        a.setGradedBy(dept.getId());
        a.setGradedAt(OffsetDateTime.now());
        return a;
    }

    private Bulletin bulletin(Org org) {
        Bulletin b = new Bulletin();
        b.setOrgId(org.getId());
        b.setBulletinYear(2026);
        b.setQuarter(4);
        b.setTitle("青州市委2026年第四季度学习通报");
        b.setBody("一、总体情况\n共召开学习会 12 次。");
        b.setStatus(Bulletin.Status.DRAFT);
        b.setCreatedBy(dept.getId());
        b.setCreatedAt(OffsetDateTime.now());
        b.setUpdatedBy(dept.getId());
        b.setUpdatedAt(OffsetDateTime.now());
        return b;
    }
}
