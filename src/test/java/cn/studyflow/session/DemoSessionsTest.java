package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The demo's year of 卞桥镇 sessions: held ones with minutes and attendance, one today, next year's plan dated. */
@TestPropertySource(properties = {"studyflow.demo.sample-plans=true", "studyflow.demo.sample-sessions=true"})
class DemoSessionsTest extends IntegrationTest {

    @Autowired StudySessionMapper sessions;
    @Autowired ScheduleMapper schedule;
    @Autowired Roster roster;

    @Test
    void theTownHasAYearOfSessionsOneOfThemTodayWithinTheNextHours() {
        long bq = user("bq_secretary").getOrgId();
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        LocalDate today = now.toLocalDate();

        List<StudySession> year = sessions.selectByOrgs(List.of(bq), today.getYear());
        assertThat(year).hasSize(13).allSatisfy(s -> assertThat(s.getSessionDate()).isNotNull());
        assertThat(year).filteredOn(s -> s.getSessionDate().isBefore(today)).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getStatus()).isEqualTo(SessionService.HELD);
            assertThat(s.getMinutes()).isNotBlank();
            assertThat(roster.of(s.getId())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getAttendance()).isNotEqualTo(Attendance.EXPECTED));
        });
        StudySession todays = schedule.selectRange(bq, null, today, today).get(0);
        assertThat(todays.getTitle()).isEqualTo(DemoSessions.TODAY_TITLE);
        assertThat(todays.getStatus()).isEqualTo(SessionService.SCHEDULED);
        assertThat(todays.getSessionDate().atTime(todays.getStartTime())).isAfterOrEqualTo(now.minusMinutes(2))
            .isBefore(now.plusHours(2));
        assertThat(roster.of(todays.getId())).extracting(RosterEntry::getPart).contains(Part.CHAIR, Part.SPEAKER,
            Part.MEMBER);
        assertThat(sessions.selectByOrgs(List.of(bq), today.getYear() + 1))
            .isNotEmpty().allSatisfy(s -> assertThat(s.getSessionDate()).isNotNull());
    }
}
