package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.status.OrgRow;
import cn.studyflow.status.StatusScope;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MapperTest
class SessionRecordMapperTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2031-06-15T12:00:00+08:00");

    @Autowired SessionRecordMapper records;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired JdbcTemplate jdbc;

    SessionRows rows;
    Org county;
    Org town;
    Org sibling;
    Person secretary;
    Person wang;
    Person li;

    @BeforeEach
    void tree() {
        rows = new SessionRows(jdbc);
        county = Rows.org(orgs, "青州市委", null);
        town = Rows.org(orgs, "卞桥镇党委", county);
        sibling = Rows.org(orgs, "王坟镇党委", county);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        wang = Rows.person(people, town, "王建国", true, Role.MEMBER);
        li = Rows.person(people, town, "李明", true, Role.MEMBER);
    }

    @Test
    void aSessionIsMarkedHeldOnlyWhileScheduledAndAtTheVersionSeen() {
        long id = rows.session(town.getId(), "专题", LocalDate.of(2031, 6, 10));

        assertThat(records.markHeld(id, 1, NOW)).as("a version nobody saw").isZero();
        assertThat(records.markHeld(id, 0, NOW)).isEqualTo(1);
        assertThat(rows.status(id)).isEqualTo("HELD");
        assertThat(rows.version(id)).isEqualTo(1);
        assertThat(records.markHeld(id, 1, NOW)).as("already held").isZero();
        assertThat(records.updateMinutes(id, 0, "旧版本")).isZero();
        assertThat(records.updateMinutes(id, 1, "记录")).isEqualTo(1);
        assertThat(rows.version(id)).isEqualTo(2);
    }

    @Test
    void theReminderOfASessionIsClaimedOnceWhicheverNodeAsksSecond() {
        long overdue = rows.session(town.getId(), "三天前", LocalDate.of(2031, 6, 12));
        long recent = rows.session(town.getId(), "两天前", LocalDate.of(2031, 6, 13));
        long held = rows.session(town.getId(), "已举行", LocalDate.of(2031, 6, 1));
        records.markHeld(held, 0, NOW);

        assertThat(records.selectUnheldUntil(LocalDate.of(2031, 6, 12))).extracting(StudySession::getId)
            .containsExactly(overdue);
        assertThat(records.claimReminder(overdue, NOW)).isEqualTo(1);
        assertThat(records.claimReminder(overdue, NOW.plusSeconds(1))).as("the second node's claim").isZero();
        assertThat(records.claimReminder(held, NOW)).as("a held session needs no reminder").isZero();
        assertThat(records.selectUnheldUntil(LocalDate.of(2031, 6, 13))).extracting(StudySession::getId)
            .containsExactly(recent);
    }

    @Test
    void filesAreReadBackWithTheUploadersNameAndOnlyThroughTheirSession() {
        long id = rows.session(town.getId(), "专题", LocalDate.of(2031, 6, 10));
        long other = rows.session(town.getId(), "另一次", LocalDate.of(2031, 6, 11));
        SessionFile f = new SessionFile();
        f.setSessionId(id);
        f.setKind(SessionFileKind.PHOTO);
        f.setStoredName("0f8c");
        f.setOriginalName("会场.jpg");
        f.setFileType(SessionFileType.JPEG);
        f.setSizeBytes(1234);
        f.setSha256("ab".repeat(32));
        f.setCrc32(4_000_000_000L);
        f.setUploadedBy(secretary.getId());
        f.setUploadedAt(NOW);
        records.insertFile(f);

        assertThat(f.getId()).isNotNull();
        assertThat(records.selectFiles(id)).singleElement().satisfies(r -> {
            assertThat(r.getUploaderName()).isEqualTo("李文华");
            assertThat(r.getFileType()).isEqualTo(SessionFileType.JPEG);
            assertThat(r.getKind()).isEqualTo(SessionFileKind.PHOTO);
            assertThat(r.getCrc32()).isEqualTo(4_000_000_000L);
        });
        assertThat(records.selectFile(id, f.getId())).isNotNull();
        assertThat(records.selectFile(other, f.getId())).isNull();
    }

    @Test
    void theRosterComesWithNamesChairAndSpeakersFirst() {
        long id = rows.session(town.getId(), "专题", LocalDate.of(2031, 6, 10));
        rows.roster(id, wang.getId(), Part.MEMBER, Attendance.PRESENT);
        rows.roster(id, secretary.getId(), Part.CHAIR, Attendance.PRESENT);
        rows.roster(id, li.getId(), Part.SPEAKER, Attendance.LATE);

        assertThat(records.selectRosterLines(id)).extracting(RosterLine::getDisplayName)
            .containsExactly("李文华", "李明", "王建国");
    }

    @Test
    void attendanceCountsHeldSessionsOfTheYearAndLeaveAsConfigured() {
        long march = rows.session(town.getId(), "三月", LocalDate.of(2031, 3, 10));
        long april = rows.session(town.getId(), "四月", LocalDate.of(2031, 4, 10));
        long notHeld = rows.session(town.getId(), "五月", LocalDate.of(2031, 5, 10));
        long lastYear = rows.session(town.getId(), "去年", LocalDate.of(2030, 3, 10));
        long siblings = rows.session(sibling.getId(), "兄弟镇", LocalDate.of(2031, 3, 10));
        for (long id : new long[] {march, april, lastYear, siblings}) {
            records.markHeld(id, 0, NOW);
        }
        Person guest = Rows.person(people, sibling, "赵强", true, Role.MEMBER);
        rows.roster(march, wang.getId(), Part.MEMBER, Attendance.PRESENT);
        rows.roster(march, li.getId(), Part.MEMBER, Attendance.LEAVE);
        rows.roster(march, guest.getId(), Part.GUEST, Attendance.ABSENT);
        rows.roster(april, wang.getId(), Part.MEMBER, Attendance.ABSENT);
        rows.roster(april, li.getId(), Part.MEMBER, Attendance.LATE);
        rows.roster(notHeld, wang.getId(), Part.MEMBER, Attendance.PRESENT);
        rows.roster(lastYear, wang.getId(), Part.MEMBER, Attendance.ABSENT);
        rows.roster(siblings, guest.getId(), Part.MEMBER, Attendance.PRESENT);

        StatusScope county = new StatusScope(this.county.getId(), this.county.getPath() + "%", this.county.getPath() + "%", NOW);
        assertThat(records.selectOrgAttendance(county, 2031, true))
            .extracting(OrgRow::getOrgId, OrgRow::getN, OrgRow::getM)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(town.getId(), 3L, 2L),
                org.assertj.core.groups.Tuple.tuple(sibling.getId(), 1L, 1L));
        StatusScope townOnly = new StatusScope(town.getId(), null, null, NOW);
        assertThat(records.selectOrgAttendance(townOnly, 2031, false)).singleElement()
            .satisfies(r -> assertThat(r.getN()).as("leave counted as absence").isEqualTo(4));

        List<PersonAttendance> persons = records.selectPersonAttendance(town.getId(), 2031);
        assertThat(persons).extracting(PersonAttendance::getDisplayName).containsExactly("李明", "王建国");
        PersonAttendance liMing = persons.get(0);
        assertThat(liMing.getSessions()).isEqualTo(2);
        assertThat(liMing.getAttended()).isEqualTo(1);
        assertThat(liMing.getOnLeave()).isEqualTo(1);
        liMing.rate(properties(true));
        assertThat(liMing.getRate()).isEqualTo(1.0);
        assertThat(liMing.isBelow()).isFalse();
        liMing.rate(properties(false));
        assertThat(liMing.getRate()).isEqualTo(0.5);
        assertThat(liMing.isBelow()).isTrue();
    }

    private static SessionRecordProperties properties(boolean leaveExcused) {
        return new SessionRecordProperties(0.8, leaveExcused, 3, java.time.Duration.ofHours(1),
            org.springframework.util.unit.DataSize.ofMegabytes(20));
    }
}
