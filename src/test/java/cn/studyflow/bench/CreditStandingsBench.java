package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.credits.CreditStanding;
import cn.studyflow.credits.CreditStandings;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
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
 * Credit standings of a city's subtree (issue 20's target: 500 organisations, 20,000 people, under 1 s): the ledger's
 * year rows of this year and the last (the year before decides 调训) written straight into the table, then the
 * standings read by the city's manager through the service and through the API, one after another. The size can be
 * lowered for a smoke run: {@code -Dbench.credits.orgs=20 -Dbench.credits.people=400 -Dbench.samples=5}.
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({"demo", "test"})
class CreditStandingsBench extends DatabaseBench {

    static final int ORGS = Integer.getInteger("bench.credits.orgs", 500);
    static final int PEOPLE = Integer.getInteger("bench.credits.people", 20_000);
    static final int SAMPLES = Integer.getInteger("bench.samples", 30);
    static final int YEAR = 2032;

    @Autowired OrgService orgService;
    @Autowired CreditStandings standings;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void cityStandings() throws Exception {
        Org city = orgService.create("crbench", "学分基准市委", OrgKind.CITY, null);
        orgService.createPerson("crbench_manager", "市委领导", city, "{noop}x", List.of(Role.MANAGER));
        List<Org> orgs = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            orgs.add(orgService.create("crbench" + i, "学分基准单位" + i, OrgKind.TOWN, city));
        }
        long started = System.nanoTime();
        seed(orgs);
        if ("PostgreSQL".equals(database())) {
            jdbc.execute("ANALYZE");
        }
        long seeded = System.nanoTime() - started;
        CurrentUser manager = (CurrentUser) users.loadUserByUsername("crbench_manager");
        List<CreditStanding> rows = standings.standings(manager, city.getId(), YEAR, true);
        Assertions.assertThat(rows).hasSize(PEOPLE);
        Assertions.assertThat(rows).anyMatch(CreditStanding::retraining);

        BenchReport report = new BenchReport("credit-standings-" + database(), "Credit standings of a city's subtree (ms), "
            + database() + ", " + PEOPLE + " people in " + ORGS + " organisations; target under 1,000 ms");
        report.row("call", "seed " + (2 * PEOPLE) + " ledger year rows (once)", "samples", 1,
            "p50", BenchReport.round(seeded / 1e6), "p95", "");
        time(report, "CreditStandings.standings (city manager, subtree)",
            () -> standings.standings(manager, city.getId(), YEAR, true));
        time(report, "GET /api/credits/orgs/{city}/standings?subtree=true (JSON)", () -> mvc.perform(
            get("/api/credits/orgs/" + city.getId() + "/standings").param("year", String.valueOf(YEAR))
                .param("subtree", "true").with(user(manager))).andExpect(status().isOk()));
    }

    interface Call {
        void run() throws Exception;
    }

    private static void time(BenchReport report, String name, Call call) throws Exception {
        for (int warm = 0; warm < Math.max(2, SAMPLES / 5); warm++) {
            call.run();
        }
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - t0;
        }
        report.row("call", name, "samples", SAMPLES, "p50", BenchReport.round(BenchReport.percentile(samples, 50)),
            "p95", BenchReport.round(BenchReport.percentile(samples, 95)));
    }

    /** People with ranks, and their year rows of YEAR - 1 and YEAR: about a third short, some of them both years. */
    private void seed(List<Org> orgs) {
        Random random = new Random(20);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(new Object[] {"crb" + i, "学员" + i, orgs.get(i % orgs.size()).getId(), "{noop}x", now,
                random.nextInt(4) == 0 ? "SENIOR" : "SECTION"});
            if (people.size() == 5_000 || i == PEOPLE - 1) {
                jdbc.batchUpdate("INSERT INTO sf_person (username, display_name, org_id, password_hash, enabled, created_at,"
                    + " must_change_password, cadre_rank) VALUES (?, ?, ?, ?, TRUE, ?, FALSE, ?)", people);
                people.clear();
            }
        }
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("SELECT id, org_id, cadre_rank FROM sf_person WHERE username LIKE 'crb%' AND username <> 'crbench_manager'",
            rs -> {
                boolean senior = "SENIOR".equals(rs.getString(3));
                int target = senior ? 18 : 12;
                for (int year = YEAR - 1; year <= YEAR; year++) {
                    double earned = random.nextInt(3) == 0 ? random.nextInt(target) : target + random.nextInt(6);
                    rows.add(new Object[] {rs.getLong(1), year, rs.getLong(2), rs.getString(3), earned, target, now});
                }
                if (rows.size() >= 5_000) {
                    flush(rows);
                }
            });
        flush(rows);
    }

    private void flush(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO sf_credit_year (person_id, credit_year, org_id, cadre_rank, earned, target,"
            + " refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }
}
