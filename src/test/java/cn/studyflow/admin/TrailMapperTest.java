package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.admin.TrailMapper.TrailFilter;
import cn.studyflow.common.Like;
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
 * Every statement of TrailMapper, as the trail page, its export and the services that record changes use them:
 * an entry stored with every column, an import's entries in one statement, the trail newest first and paged,
 * searched by actor or object name (wildcards taken literally) and filtered by action, object type and a time
 * range that includes its start and excludes its end, with the count agreeing; and a moved organisation's
 * entries following it to its new path, its namesakes' by prefix left alone.
 */
@MapperTest
class TrailMapperTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2031-03-10T09:00:00+08:00");
    static final TrailFilter ALL = new TrailFilter(null, null, null, null, null);

    @Autowired TrailMapper trail;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Org town;
    Person admin;
    Person member;
    int before;

    @BeforeEach
    void people() {
        before = trail.count(ALL);
        town = Rows.org(orgs, "卞桥镇党委", null);
        admin = Rows.person(people, town, "王建国", true, Role.ADMIN);
        member = Rows.person(people, town, "李文华", true, Role.MEMBER);
    }

    @Test
    void anEntryIsStoredWithEveryColumn() {
        TrailEntry made = entry(admin, "PERSON_UPDATE", Trail.PERSON, member.getId(), "李文华", T);
        made.setOrgPath(town.getPath());
        made.setBeforeValue("电话 13800000000");
        made.setAfterValue("电话 13900000000");
        trail.insert(made);
        assertThat(made.getId()).isNotNull();

        assertThat(trail.count(ALL)).isEqualTo(before + 1);
        TrailEntry e = trail.select(ALL, 0, 1).get(0);
        assertThat(e.getId()).isEqualTo(made.getId());
        assertThat(e.getActorId()).isEqualTo(admin.getId());
        assertThat(e.getActorName()).isEqualTo("王建国");
        assertThat(e.getAction()).isEqualTo("PERSON_UPDATE");
        assertThat(e.getObjectType()).isEqualTo("PERSON");
        assertThat(e.getObjectId()).isEqualTo(member.getId());
        assertThat(e.getObjectName()).isEqualTo("李文华");
        assertThat(e.getOrgPath()).isEqualTo(town.getPath());
        assertThat(e.getBeforeValue()).isEqualTo("电话 13800000000");
        assertThat(e.getAfterValue()).isEqualTo("电话 13900000000");
        assertThat(e.getCreatedAt().toInstant()).isEqualTo(T.toInstant());
    }

    @Test
    void anImportsEntriesAreStoredInOneStatementWithTheirOwnValues() {
        TrailEntry first = entry(admin, "PERSON_IMPORT", Trail.PERSON, member.getId(), "李文华", T);
        first.setOrgPath(town.getPath());
        first.setAfterValue("成员");
        TrailEntry second = entry(null, "PERSON_IMPORT", Trail.PERSON, null, "张海燕", T.plusSeconds(1));
        second.setBeforeValue("无");
        TrailEntry third = entry(admin, "PERSON_IMPORT", Trail.PERSON, admin.getId(), "王建国", T.plusSeconds(2));

        trail.insertAll(List.of(first, second, third));

        assertThat(trail.count(ALL)).isEqualTo(before + 3);
        List<TrailEntry> read = trail.select(ALL, 0, 3);
        assertThat(read).extracting(TrailEntry::getObjectName).containsExactly("王建国", "张海燕", "李文华");
        assertThat(read.get(2).getActorId()).isEqualTo(admin.getId());
        assertThat(read.get(2).getActorName()).isEqualTo("王建国");
        assertThat(read.get(2).getObjectId()).isEqualTo(member.getId());
        assertThat(read.get(2).getOrgPath()).isEqualTo(town.getPath());
        assertThat(read.get(2).getAfterValue()).isEqualTo("成员");
        assertThat(read.get(2).getBeforeValue()).isNull();
        assertThat(read.get(2).getAction()).isEqualTo("PERSON_IMPORT");
        assertThat(read.get(2).getObjectType()).isEqualTo("PERSON");
        assertThat(read.get(1).getActorId()).isNull();
        assertThat(read.get(1).getObjectId()).isNull();
        assertThat(read.get(1).getBeforeValue()).isEqualTo("无");
        assertThat(read.get(1).getCreatedAt().toInstant()).isEqualTo(T.plusSeconds(1).toInstant());
    }

    @Test
    void theTrailIsListedNewestFirstAndPaged() {
        TrailEntry oldest = insert(admin, "ORG_CREATE", Trail.ORG, town.getId(), "卞桥镇党委", T);
        TrailEntry newest = insert(admin, "PERSON_ROLES", Trail.PERSON, member.getId(), "李文华", T.plusDays(2));
        TrailEntry middle = insert(admin, "PERSON_CREATE", Trail.PERSON, member.getId(), "李文华", T.plusHours(1));
        TrailEntry sameMomentFirst = insert(admin, "PERSON_PASSWORD", Trail.PERSON, member.getId(), "李文华",
            T.plusDays(1));
        TrailEntry sameMomentSecond = insert(admin, "PERSON_UPDATE", Trail.PERSON, member.getId(), "李文华",
            T.plusDays(1));

        assertThat(trail.select(ALL, 0, 5)).extracting(TrailEntry::getId)
            .as("newest first, the later recorded of two at one moment first")
            .containsExactly(newest.getId(), sameMomentSecond.getId(), sameMomentFirst.getId(), middle.getId(),
                oldest.getId());
        assertThat(trail.select(ALL, 1, 2)).extracting(TrailEntry::getId)
            .containsExactly(sameMomentSecond.getId(), sameMomentFirst.getId());
        assertThat(trail.select(ALL, 4, 2)).extracting(TrailEntry::getId).first().isEqualTo(oldest.getId());
        // filtered, H2 reads by another index and sorts: a tie left unordered would come out in insertion order
        assertThat(trail.select(new TrailFilter(null, null, Trail.PERSON, null, null), 0, 5))
            .extracting(TrailEntry::getId).as("the same order when filtered")
            .containsExactly(newest.getId(), sameMomentSecond.getId(), sameMomentFirst.getId(), middle.getId());
        assertThat(trail.select(ALL, before + 5, 2)).isEmpty();
        assertThat(trail.count(ALL)).isEqualTo(before + 5);
    }

    @Test
    void aSearchFindsTheActorOrTheObjectNameWithItsWildcardsTakenLiterally() {
        TrailEntry byMember = insert(member, "PASSWORD_CHANGE", Trail.PERSON, member.getId(), "李文华", T);
        TrailEntry onMember = insert(admin, "PERSON_UPDATE", Trail.PERSON, member.getId(), "李文华", T.plusHours(1));
        TrailEntry memberAsActor = insert(member, "ORG_RENAME", Trail.ORG, town.getId(), "卞桥镇党委", T.plusHours(2));
        TrailEntry inValueOnly = entry(admin, "PERSON_UPDATE", Trail.PERSON, admin.getId(), "王建国", T.plusHours(3));
        inValueOnly.setAfterValue("代理 李文华");
        trail.insert(inValueOnly);
        TrailEntry percent = insert(admin, "ORG_CREATE", Trail.ORG, null, "达标率100%小组", T.plusHours(4));
        insert(admin, "ORG_CREATE", Trail.ORG, null, "达标率1000小组", T.plusHours(5));
        insert(admin, "ORG_CREATE", Trail.ORG, null, "王坟镇党委", T.plusHours(6));

        TrailFilter liWenhua = new TrailFilter(Like.containing("文华"), null, null, null, null);
        assertThat(trail.select(liWenhua, 0, 10)).extracting(TrailEntry::getId)
            .as("as actor or as object; a name only in the values does not count")
            .containsExactly(memberAsActor.getId(), onMember.getId(), byMember.getId());
        assertThat(trail.count(liWenhua)).isEqualTo(3);

        TrailFilter renamedByLi = new TrailFilter(Like.containing("文华"), "ORG_RENAME", null, null, null);
        assertThat(trail.select(renamedByLi, 0, 10)).extracting(TrailEntry::getId)
            .as("the search and the action both hold, whichever of the names matched")
            .containsExactly(memberAsActor.getId());
        assertThat(trail.count(renamedByLi)).isOne();
        TrailFilter liOnPeople = new TrailFilter(Like.containing("李文"), null, Trail.PERSON, T, null);
        assertThat(trail.select(liOnPeople, 0, 10)).extracting(TrailEntry::getId)
            .containsExactly(onMember.getId(), byMember.getId());

        TrailFilter literal = new TrailFilter(Like.containing("100%"), null, null, null, null);
        assertThat(trail.select(literal, 0, 10)).extracting(TrailEntry::getId).containsExactly(percent.getId());
        assertThat(trail.count(new TrailFilter(Like.containing("王_镇"), null, null, null, null)))
            .as("_ is no wildcard either").isZero();
        assertThat(trail.count(new TrailFilter(Like.containing("王坟镇"), null, null, null, null))).isOne();
    }

    @Test
    void theTrailIsFilteredByActionObjectTypeAndATimeRangeFromItsStartToBeforeItsEnd() {
        OffsetDateTime day = OffsetDateTime.parse("2031-03-02T00:00:00+08:00");
        TrailEntry dayBefore = insert(admin, "ORG_RENAME", Trail.ORG, town.getId(), "卞桥镇党委", day.minusSeconds(1));
        TrailEntry atStart = insert(admin, "ORG_CREATE", Trail.ORG, town.getId(), "卞桥镇党委", day);
        TrailEntry lateThatDay = insert(admin, "PERSON_CREATE", Trail.PERSON, member.getId(), "李文华",
            day.plusHours(23));
        TrailEntry nextDay = insert(admin, "PERSON_CREATE", Trail.PERSON, admin.getId(), "王建国", day.plusDays(1));

        TrailFilter thatDay = new TrailFilter(null, null, null, day, day.plusDays(1));
        assertThat(trail.select(thatDay, 0, 10)).extracting(TrailEntry::getId)
            .containsExactly(lateThatDay.getId(), atStart.getId());
        assertThat(trail.count(thatDay)).isEqualTo(2);
        assertThat(trail.select(new TrailFilter(null, null, null, day, null), 0, 10)).extracting(TrailEntry::getId)
            .containsExactly(nextDay.getId(), lateThatDay.getId(), atStart.getId());
        assertThat(trail.select(new TrailFilter(null, null, null, null, day), 0, 10)).extracting(TrailEntry::getId)
            .contains(dayBefore.getId()).doesNotContain(atStart.getId(), lateThatDay.getId(), nextDay.getId());

        TrailFilter created = new TrailFilter(null, "PERSON_CREATE", null, null, null);
        assertThat(trail.select(created, 0, 10)).extracting(TrailEntry::getId)
            .containsExactly(nextDay.getId(), lateThatDay.getId());
        assertThat(trail.count(created)).isEqualTo(2);
        TrailFilter onOrgs = new TrailFilter(null, null, Trail.ORG, null, null);
        assertThat(trail.select(onOrgs, 0, 10)).extracting(TrailEntry::getId)
            .containsExactly(atStart.getId(), dayBefore.getId());
        assertThat(trail.count(onOrgs)).isEqualTo(2);
        TrailFilter createdOrgsThatDay = new TrailFilter(null, "ORG_CREATE", Trail.ORG, day, day.plusDays(1));
        assertThat(trail.select(createdOrgsThatDay, 0, 10)).extracting(TrailEntry::getId)
            .containsExactly(atStart.getId());
        assertThat(trail.count(new TrailFilter(null, "ORG_RENAME", Trail.PERSON, null, null))).isZero();
    }

    @Test
    void aMovedOrganisationsEntriesFollowItToItsNewPathAndNoOthers() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        Org county = Rows.org(orgs, "青州市委", city);
        Org moved = Rows.org(orgs, "卞桥镇党委", county);
        Org below = Rows.org(orgs, "卞桥村党支部", moved);
        Org otherCounty = Rows.org(orgs, "临朐县委", city);
        String oldPath = moved.getPath();
        String newPath = otherCounty.getPath() + moved.getId() + "/";
        // a path that starts with the same digits, without the slash: another organisation
        String namesake = county.getPath() + moved.getId() + "0/";
        TrailEntry onMoved = insert(admin, "ORG_RENAME", Trail.ORG, moved.getId(), "卞桥镇党委", T, oldPath);
        TrailEntry onBelow = insert(admin, "PERSON_CREATE", Trail.PERSON, member.getId(), "李文华", T, below.getPath());
        TrailEntry onCounty = insert(admin, "ORG_RENAME", Trail.ORG, county.getId(), "青州市委", T, county.getPath());
        TrailEntry onNamesake = insert(admin, "ORG_CREATE", Trail.ORG, null, "王坟镇党委", T, namesake);
        TrailEntry noPath = insert(admin, "IMPORT", Trail.PERSON, null, null, T, null);

        trail.movePaths(oldPath, newPath);

        assertThat(path(onMoved)).isEqualTo(newPath);
        assertThat(path(onBelow)).isEqualTo(newPath + below.getId() + "/");
        assertThat(path(onCounty)).isEqualTo(county.getPath());
        assertThat(path(onNamesake)).isEqualTo(namesake);
        assertThat(path(noPath)).isNull();
    }

    private String path(TrailEntry entry) {
        return trail.select(ALL, 0, before + 10).stream().filter(e -> e.getId().equals(entry.getId()))
            .findFirst().orElseThrow().getOrgPath();
    }

    private TrailEntry insert(Person actor, String action, String type, Long objectId, String objectName,
                              OffsetDateTime at) {
        return insert(actor, action, type, objectId, objectName, at, town.getPath());
    }

    private TrailEntry insert(Person actor, String action, String type, Long objectId, String objectName,
                              OffsetDateTime at, String orgPath) {
        TrailEntry e = entry(actor, action, type, objectId, objectName, at);
        e.setOrgPath(orgPath);
        trail.insert(e);
        return e;
    }

    private static TrailEntry entry(Person actor, String action, String type, Long objectId, String objectName,
                                    OffsetDateTime at) {
        TrailEntry e = new TrailEntry();
        if (actor != null) {
            e.setActorId(actor.getId());
            e.setActorName(actor.getDisplayName());
        }
        e.setAction(action);
        e.setObjectType(type);
        e.setObjectId(objectId);
        e.setObjectName(objectName);
        e.setCreatedAt(at);
        return e;
    }
}
