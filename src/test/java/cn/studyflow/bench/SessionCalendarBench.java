package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.session.SessionCalendar;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Server time of the month calendar of a city's subtree (the superior's read-only view) with 10,000 sessions in
 * the month's range over 500 towns, and 20,000 more in the months around it, so that the day index has to bound
 * the read. Requests run in-process (MockMvc), one after another; beside the time, the CPU time of the calling thread.
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({"demo", "test"})
class SessionCalendarBench extends DatabaseBench {

    static final int ORGS = 500;
    static final int IN_MONTH = 10_000;
    static final int AROUND = 20_000;
    static final int SAMPLES = 200;
    static final YearMonth MONTH = YearMonth.of(2031, 3);
    /** The CPU time of the request's thread (on PostgreSQL without the database server's): steady on a busy machine. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Autowired OrgService orgService;
    @Autowired SessionCalendar calendar;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void subtreeCalendarLatency() throws Exception {
        Org city = orgService.create("cbench", "基准测试市委", OrgKind.CITY, null);
        orgService.createPerson("cbench_manager", "领导", city, "{noop}x", List.of(Role.MANAGER));
        List<Org> towns = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            towns.add(orgService.create("cbench" + i, "基准测试镇" + i, OrgKind.TOWN, city));
        }
        long started = System.nanoTime();
        seed(towns);
        if ("PostgreSQL".equals(database())) {
            jdbc.execute("ANALYZE");
        }
        long seeded = System.nanoTime() - started;
        CurrentUser manager = (CurrentUser) users.loadUserByUsername("cbench_manager");

        BenchReport report = new BenchReport("session-calendar-" + database(), "Session calendar server time (ms), "
            + database() + ", " + IN_MONTH + " sessions in the month over " + ORGS + " organisations");
        report.row("call", "seed " + (IN_MONTH + AROUND) + " sessions (once)", "samples", 1,
            "p50", BenchReport.round(seeded / 1e6), "p95", "", "CPU p50 (this JVM's thread)", "");
        time(report, "SessionCalendar.month (city manager, subtree)", () -> calendar.month(manager, null, MONTH));
        time(report, "GET /sessions/calendar (page)", () -> mvc.perform(get("/sessions/calendar")
            .param("month", MONTH.toString()).with(user(manager))).andExpect(status().isOk()));
        time(report, "GET /api/sessions/calendar (the month's 42 days)", () -> mvc.perform(get("/api/sessions/calendar")
            .param("from", "2031-02-24").param("to", "2031-04-06").with(user(manager))).andExpect(status().isOk()));
    }

    interface Call {
        void run() throws Exception;
    }

    private static void time(BenchReport report, String name, Call call) throws Exception {
        for (int warm = 0; warm < 20; warm++) {
            call.run();
        }
        long[] samples = new long[SAMPLES];
        long[] cpu = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - t0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        report.row("call", name, "samples", SAMPLES, "p50", BenchReport.round(BenchReport.percentile(samples, 50)),
            "p95", BenchReport.round(BenchReport.percentile(samples, 95)),
            "CPU p50 (this JVM's thread)", BenchReport.round(BenchReport.percentile(cpu, 50)));
    }

    /** Sessions straight into the table: working days of the month and of the year around it, 09:00 or 14:30. */
    private void seed(List<Org> towns) {
        Random random = new Random(42);
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (int i = 0; i < IN_MONTH + AROUND; i++) {
            LocalDate day = i < IN_MONTH ? MONTH.atDay(1 + random.nextInt(MONTH.lengthOfMonth()))
                : LocalDate.of(MONTH.getYear(), 1, 1).plusDays(random.nextInt(365));
            if (i >= IN_MONTH && YearMonth.from(day).equals(MONTH)) {
                day = day.plusMonths(1);
            }
            Org town = towns.get(random.nextInt(towns.size()));
            boolean morning = random.nextBoolean();
            rows.add(new Object[] {town.getId(), day.getYear(), day.getMonthValue(), Date.valueOf(day),
                Time.valueOf(morning ? "09:00:00" : "14:30:00"), Time.valueOf(morning ? "11:30:00" : "17:00:00"),
                "镇党委会议室", "基准专题" + i, "COLLECTIVE_STUDY", "", false, "SCHEDULED", now});
            if (rows.size() == 5_000) {
                flush(rows);
            }
        }
        flush(rows);
    }

    private void flush(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO sf_study_session (org_id, session_year, session_month, session_date, start_time,"
            + " end_time, place, title, format, speaker, enlarged, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }
}
