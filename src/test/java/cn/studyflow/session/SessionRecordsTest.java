package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Marking a session held settles its roster; minutes follow. Each refusal changes nothing. */
@RecordApplicationEvents
class SessionRecordsTest extends IntegrationTest {

    @Autowired SessionRecords records;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    SessionRows rows;
    Org town;
    CurrentUser secretary;
    CurrentUser leader;
    CurrentUser member;
    CurrentUser late;
    CurrentUser away;
    @Autowired Clock clock;
    LocalDate today;

    @BeforeEach
    void town() {
        today = LocalDate.now(clock);
        rows = new SessionRows(jdbc);
        town = newOrg("测试镇党委", OrgKind.TOWN, orgService.get(user("qz_dept").getOrgId()));
        secretary = newPerson("sec", town, Role.SECRETARY);
        leader = newPerson("ldr", town, Role.LEADER);
        member = newPerson("mem", town, Role.MEMBER);
        late = newPerson("mem", town, Role.MEMBER);
        away = newPerson("mem", town, Role.MEMBER);
    }

    @Test
    void markingHeldTurnsEveryoneStillExpectedAbsentAndLeavesTheOthersAsTheyWere() {
        long id = rows.session(town.getId(), "学习贯彻全会精神", today);
        rows.roster(id, leader.getPersonId(), Part.CHAIR, Attendance.PRESENT);
        rows.roster(id, late.getPersonId(), Part.MEMBER, Attendance.LATE);
        rows.roster(id, away.getPersonId(), Part.MEMBER, Attendance.LEAVE);
        rows.roster(id, member.getPersonId(), Part.MEMBER, Attendance.EXPECTED);
        rows.roster(id, secretary.getPersonId(), Part.MEMBER, Attendance.EXPECTED);

        int absent = records.markHeld(id, secretary, rows.version(id));

        assertThat(absent).isEqualTo(2);
        assertThat(rows.status(id)).isEqualTo("HELD");
        assertThat(jdbc.queryForObject("SELECT held_at FROM sf_study_session WHERE id = ?", Object.class, id)).isNotNull();
        assertThat(rows.attendance(id, member.getPersonId())).isEqualTo(Attendance.ABSENT);
        assertThat(rows.attendance(id, secretary.getPersonId())).isEqualTo(Attendance.ABSENT);
        assertThat(rows.attendance(id, leader.getPersonId())).isEqualTo(Attendance.PRESENT);
        assertThat(rows.attendance(id, late.getPersonId())).isEqualTo(Attendance.LATE);
        assertThat(rows.attendance(id, away.getPersonId())).isEqualTo(Attendance.LEAVE);
        assertThat(rows.actions(id)).containsExactly("SESSION_HELD");
        assertThat(events.stream(SessionHeld.class)).containsExactly(new SessionHeld(id));
    }

    @Test
    void theLeaderMayMarkAPastSessionHeld() {
        long id = rows.session(town.getId(), "上月学习会", today.minusDays(20));

        records.markHeld(id, leader, rows.version(id));

        assertThat(rows.status(id)).isEqualTo("HELD");
    }

    @Test
    void aSessionIsNotHeldBeforeItsDayNorWithoutOne() {
        long tomorrow = rows.session(town.getId(), "明天的学习会", today.plusDays(1));
        long undated = rows.session(town.getId(), "未定日期", null, today.getYear(), today.getMonthValue(), "SCHEDULED");

        refused(() -> records.markHeld(tomorrow, secretary, rows.version(tomorrow)), HttpStatus.BAD_REQUEST,
            "sessionrecord.error.beforeDay");
        refused(() -> records.markHeld(undated, secretary, rows.version(undated)), HttpStatus.BAD_REQUEST,
            "sessionrecord.error.beforeDay");
        assertThat(rows.status(tomorrow)).isEqualTo("SCHEDULED");
        assertThat(events.stream(SessionHeld.class)).isEmpty();
    }

    @Test
    void aCancelledSessionIsNotHeld() {
        long id = rows.session(town.getId(), "已取消", today.minusDays(1), today.minusDays(1).getYear(),
            today.minusDays(1).getMonthValue(), "CANCELLED");
        rows.roster(id, member.getPersonId(), Part.MEMBER, Attendance.EXPECTED);

        refused(() -> records.markHeld(id, secretary, rows.version(id)), HttpStatus.CONFLICT, "sessionrecord.error.cancelled");
        assertThat(rows.attendance(id, member.getPersonId())).isEqualTo(Attendance.EXPECTED);
    }

    @Test
    void markingHeldTwiceIsA409NamingWhoActedFirst() {
        long id = rows.session(town.getId(), "两人同时办理", today);
        int seen = rows.version(id);
        records.markHeld(id, leader, seen);

        BusinessException e = refused(() -> records.markHeld(id, secretary, seen), HttpStatus.CONFLICT,
            "sessionrecord.error.actedFirst");

        assertThat(e.getArgs()[0]).isEqualTo(leader.getDisplayName());
        assertThat(rows.actions(id)).containsExactly("SESSION_HELD");
        assertThat(events.stream(SessionHeld.class)).hasSize(1);
    }

    @Test
    void aStaleVersionIsA409AndChangesNothing() {
        long id = rows.session(town.getId(), "过期页面", today);
        rows.roster(id, member.getPersonId(), Part.MEMBER, Attendance.EXPECTED);

        refused(() -> records.markHeld(id, secretary, rows.version(id) + 1), HttpStatus.CONFLICT, "sessionrecord.error.changed");
        refused(() -> records.markHeld(id, secretary, null), HttpStatus.CONFLICT, "sessionrecord.error.changed");

        assertThat(rows.status(id)).isEqualTo("SCHEDULED");
        assertThat(rows.attendance(id, member.getPersonId())).isEqualTo(Attendance.EXPECTED);
    }

    @Test
    void onlyTheSecretaryOrLeaderOfItsOrganisationMarksItHeldAndOthersDoNotSeeIt() {
        long id = rows.session(town.getId(), "权限", today);

        refused(() -> records.markHeld(id, member, rows.version(id)), HttpStatus.FORBIDDEN, "sessionrecord.error.notRunner");
        refused(() -> records.markHeld(id, user("qz_manager"), rows.version(id)), HttpStatus.FORBIDDEN,
            "sessionrecord.error.notRunner");
        refused(() -> records.markHeld(id, user("bq_secretary"), rows.version(id)), HttpStatus.NOT_FOUND, "error.notFound");
        assertThat(rows.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void minutesAreWrittenAfterTheSessionIsHeldAndNotBeyondTheirLength() {
        long id = rows.session(town.getId(), "会议记录", today);
        refused(() -> records.writeMinutes(id, secretary, rows.version(id), "记录"), HttpStatus.CONFLICT,
            "sessionrecord.error.notHeld");
        records.markHeld(id, secretary, rows.version(id));

        refused(() -> records.writeMinutes(id, secretary, rows.version(id), "字".repeat(20_001)), HttpStatus.BAD_REQUEST,
            "sessionrecord.error.minutesTooLong");
        int seen = rows.version(id);
        records.writeMinutes(id, secretary, seen, "  书记领学，三名同志交流发言。 ");
        refused(() -> records.writeMinutes(id, leader, seen, "另一份记录"), HttpStatus.CONFLICT,
            "sessionrecord.error.actedFirst");

        assertThat(jdbc.queryForObject("SELECT minutes FROM sf_study_session WHERE id = ?", String.class, id))
            .isEqualTo("书记领学，三名同志交流发言。");
        assertThat(rows.actions(id)).containsExactly("SESSION_HELD", "SESSION_MINUTES");
        records.writeMinutes(id, secretary, rows.version(id), "字".repeat(20_000));
    }

    /** Runs an action that must be refused with {@code status} and {@code key}, and returns the refusal. */
    static BusinessException refused(ThrowingCallable action, HttpStatus status, String key) {
        BusinessException e = catchThrowableOfType(BusinessException.class, action);
        assertThat(e).as("refused with " + key).isNotNull();
        assertThat(e.getMessageKey()).isEqualTo(key);
        assertThat(e.getStatus()).isEqualTo(status);
        return e;
    }
}
