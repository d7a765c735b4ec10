package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.task.ActionLog;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In the demo profile, a believable year of 卞桥镇's sessions: one a month this year on a weekday at 09:00, those
 * already past held with minutes and a mix of attendance, the coming ones scheduled with rosters; ONE session
 * today, starting within the next hour or so ({@link #TODAY_TITLE}; sign-in's demo opens it); and the days of
 * next year's approved plan sessions (from {@code DemoPlans}). Off with {@code studyflow.demo.sample-sessions=false}.
 */
@Component
@Profile("demo")
@Order(20)
@RequiredArgsConstructor
class DemoSessions implements ApplicationRunner {

    /** The title of today's demo session of 卞桥镇 (org code {@code bq}): find it by org and today's date. */
    static final String TODAY_TITLE = "今日学习会：学习贯彻党的二十届三中全会精神";
    static final String PLACE = "卞桥镇党委三楼会议室";

    private static final Logger log = LoggerFactory.getLogger(DemoSessions.class);
    private static final String[] TITLES = {
        "学习贯彻全国两会精神", "深入学习习近平新时代中国特色社会主义思想", "学习贯彻党的二十大精神",
        "党纪学习教育专题研讨", "以党的创新理论引领乡村全面振兴", "学习习近平生态文明思想",
        "学习习近平总书记关于党的建设的重要思想", "学习贯彻省委全会精神", "学习习近平总书记关于基层治理的重要论述",
        "理论读书班：原原本本学原著", "干部大讲堂：优化营商环境", "年度学习总结与交流研讨",
    };
    /** How each of a held session's roster attended, in turn: mostly present, some late, on leave or absent. */
    private static final Attendance[] MIX = {Attendance.PRESENT, Attendance.PRESENT, Attendance.LATE,
        Attendance.PRESENT, Attendance.PRESENT, Attendance.ABSENT, Attendance.PRESENT, Attendance.LEAVE};

    private final ScheduleMapper schedule;
    private final StudySessionMapper sessions;
    private final Roster roster;
    private final ScheduleRules rules;
    private final OrgService orgService;
    private final ActionLog actions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    @Value("${studyflow.demo.sample-sessions:true}")
    private final boolean enabled;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Person secretaryPerson = orgService.personByUsername("bq_secretary");
        Person leader = orgService.personByUsername("bq_leader");
        if (!enabled || secretaryPerson == null || leader == null) {
            return;
        }
        long bq = secretaryPerson.getOrgId();
        LocalDateTime now = LocalDateTime.now(clock.withZone(ScheduleRules.ZONE)).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.toLocalDate();
        if (!sessions.selectByOrgs(List.of(bq), today.getYear()).isEmpty()) {
            return;
        }
        CurrentUser secretary = orgService.asUser(secretaryPerson);
        Person speaker = orgService.personByUsername("bq_publicity");
        for (int month = 1; month <= 12; month++) {
            LocalDate day = weekdayNear(today.withMonth(month).withDayOfMonth(15));
            if (day.equals(today)) {
                day = weekdayNear(day.plusDays(3));
            }
            boolean past = day.isBefore(today);
            StudySession s = insert(bq, TITLES[month - 1], day, LocalTime.of(9, 0), LocalTime.of(11, 30),
                past ? SessionService.HELD : SessionService.SCHEDULED, leader, speaker, secretary);
            if (past) {
                held(s, secretaryPerson, day);
            }
        }
        // within the next hour, and still today however late the demo starts
        LocalTime clockTime = now.toLocalTime();
        LocalTime start = clockTime.isBefore(LocalTime.of(22, 0)) ? clockTime.plusMinutes(60)
            : clockTime.isBefore(LocalTime.of(23, 50)) ? clockTime.plusMinutes(5) : clockTime;
        LocalTime end = start.isAfter(LocalTime.of(21, 30)) ? LocalTime.of(23, 59) : start.plusHours(2);
        StudySession todays = insert(bq, TODAY_TITLE, today, start, end, SessionService.SCHEDULED, leader, speaker,
            secretary);
        int planned = datePlanSessions(bq, today.getYear() + 1, leader, speaker, secretary);
        // last year's (finished) plan sessions get their days too; DemoFinishedYear holds them
        datePlanSessions(bq, today.getYear() - 1, leader, speaker, secretary);
        log.info("Demo sessions of 卞桥镇: 12 in {} (past ones held), today's at {} (id {}), {} of next year's plan "
            + "given days", today.getYear(), start, todays.getId(), planned);
    }

    private StudySession insert(long orgId, String title, LocalDate day, LocalTime start, LocalTime end, String status,
                                Person chair, Person speaker, CurrentUser secretary) {
        StudySession s = SessionProposals.dated(orgId, title, day, start, end, PLACE, chair.getId(), status,
            OffsetDateTime.now(clock));
        s.setSpeaker(speaker.getDisplayName());
        schedule.insertProposal(s);
        rosterOf(s, chair, speaker);
        actions.record(SessionScheduling.ref(s), null, null, SessionScheduling.SCHEDULE, secretary, null,
            SessionScheduling.when(s));
        return s;
    }

    private void rosterOf(StudySession s, Person chair, Person speaker) {
        ScheduleForm form = new ScheduleForm();
        form.setChairId(chair.getId());
        form.setSpeakerIds(List.of(speaker.getId()));
        Map<Long, Part> wanted = rules.roster(s.getOrgId(), form);
        roster.sync(s.getId(), wanted);
    }

    /** Marks a past session held: the roster attended as {@link #MIX} has it, minutes written. */
    void held(StudySession s, Person secretary, LocalDate day) {
        List<RosterEntry> entries = roster.of(s.getId());
        for (int i = 0; i < entries.size(); i++) {
            Attendance to = MIX[(i + day.getMonthValue()) % MIX.length];
            roster.change(s.getId(), entries.get(i).getPersonId(), Attendance.EXPECTED, to, secretary.getId(),
                to == Attendance.LEAVE ? "外出公务，已请假" : null);
        }
        schedule.updateHeld(s.getId(), "会议由党委书记主持，" + s.getSpeaker() + "领学《" + s.getTitle() + "》，"
                + "班子成员逐一交流发言，会议要求结合工作实际抓好贯彻落实。",
            day.atTime(12, 0).atOffset(java.time.ZoneOffset.ofHours(8)));
    }

    /** Next year's plan sessions of the town (approved by DemoPlans) get days: mid-month, 09:00 to 11:30. */
    private int datePlanSessions(long orgId, int year, Person chair, Person speaker, CurrentUser secretary) {
        int n = 0;
        for (StudySession s : sessions.selectByOrgs(List.of(orgId), year)) {
            if (s.getSessionDate() != null || s.getPlanId() == null) {
                continue;
            }
            LocalDate day = weekdayNear(LocalDate.of(year, s.getSessionMonth(), 15)).plusDays(n % 2);
            s.setSessionDate(day);
            s.setStartTime(LocalTime.of(n % 2 == 0 ? 9 : 14, 30));
            s.setEndTime(s.getStartTime().plusHours(2));
            s.setPlace(PLACE);
            s.setChairId(chair.getId());
            s.setUpdatedAt(OffsetDateTime.now(clock));
            schedule.updateSchedule(s);
            rosterOf(s, chair, speaker);
            actions.record(SessionScheduling.ref(s), null, null, SessionScheduling.SCHEDULE, secretary, null,
                SessionScheduling.when(s));
            events.publishEvent(new SessionMoved(s.getId(), SessionScheduling.startsAt(s)));
            n++;
        }
        return n;
    }

    private static LocalDate weekdayNear(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2)
            : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
