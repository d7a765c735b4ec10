package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dataset whose figures were worked out by hand: a county C with towns A and B, and a town X beside C whose
 * rows must never count for C's people. A random audit of A stays hidden from A's people; C oversees it. The
 * journal rows are rolled up at the end, as the job does every minute.
 */
abstract class StatusDataset extends IntegrationTest {

    static final int YEAR = 2024;
    static final double HOUR = 3_600_000;

    @Autowired StatusService status;
    @Autowired Rollups rollups;
    @Autowired JdbcTemplate jdbc;

    Org county;
    Org townA;
    Org townB;
    Org outside;
    CurrentUser manager;
    CurrentUser leaderA;
    String a1;
    String a2;
    String a3;
    String b1;
    String b2;
    String x1;
    String hidden;

    @BeforeEach
    void dataset() {
        Org qz = user("qz_manager").getOrg();
        county = newOrg("测试县委", OrgKind.COUNTY, qz);
        townA = newOrg("测试甲镇党委", OrgKind.TOWN, county);
        townB = newOrg("测试乙镇党委", OrgKind.TOWN, county);
        outside = newOrg("测试丙镇党委", OrgKind.TOWN, qz);
        manager = newPerson("mgr", county, Role.MANAGER);
        leaderA = newPerson("ldr", townA, Role.LEADER);
        StatusFixture f = new StatusFixture(jdbc, manager);

        a1 = f.instance(townA, "plan-approval", "COMPLETED", "2024-02-01T09:00", "2024-02-10T17:00", 1, 0);
        a2 = f.instance(townA, "plan-approval", "RUNNING", "2024-03-01T09:00", null, 0, 0);
        a3 = f.instance(townA, "material-review", "RUNNING", "2024-05-01T09:00", null, 2, 1);
        b1 = f.instance(townB, "plan-approval", "COMPLETED", "2023-12-20T09:00", "2024-01-05T09:00", 0, 0);
        b2 = f.instance(townB, "material-review", "CANCELLED", "2024-06-01T09:00", "2024-06-02T09:00", 0, 0);
        x1 = f.instance(outside, "plan-approval", "RUNNING", "2024-02-01T09:00", null, 1, 0);
        hidden = f.instance(townA, "audit-sit-in", "RUNNING", "2024-07-01T09:00", null, 0, 0);

        f.decided(a1, "reviewByPublicity", "2024-02-01T10:00", 1);
        f.decided(a1, "reviewByPublicity", "2024-02-03T10:00", 2);
        f.decided(a2, "reviewByPublicity", "2024-03-01T10:00", 3);
        f.decided(b1, "draftPlan", "2023-12-20T09:00", 1);
        f.decided(b1, "reviewByPublicity", "2024-01-02T10:00", 4);
        f.decided(b1, "reviewByPublicity", "2024-01-03T10:00", 10);
        f.decided(x1, "reviewByPublicity", "2024-02-01T10:00", 100);
        f.open(a2, "approveByLeader", "2024-03-02T09:00", "2024-03-05T09:00");
        f.open(a3, "firstReviewByOffice", "2024-05-02T09:00", null);
        f.open(x1, "approveByLeader", "2024-02-02T09:00", "2024-02-05T09:00");
        f.open(hidden, "acceptAssignment", "2024-07-01T09:00", "2024-07-02T09:00");
        f.hide(hidden, county, "2999-01-01T00:00");

        long planA = f.annualPlan(townA, YEAR, "APPROVED");
        f.annualPlan(townA, YEAR + 1, "SUBMITTED");
        long s1 = f.session(townA, planA, 1, YEAR, 3, LocalDate.of(YEAR, 3, 15));
        long s2 = f.session(townA, planA, 2, YEAR, 6, LocalDate.of(YEAR, 6, 15));
        f.session(townA, planA, 3, YEAR, 12, null);
        f.held(s1);
        f.held(s2);
        long planX = f.annualPlan(outside, YEAR, "APPROVED");
        long sx = f.session(outside, planX, 1, YEAR, 3, LocalDate.of(YEAR, 3, 15));
        CurrentUser[] auditors = {newPerson("aud", county, Role.AUDITOR), newPerson("aud", county, Role.AUDITOR)};
        f.audit(county, townA, s1, YEAR, "PASSED", auditors, 4, 3);
        f.audit(county, townA, s2, YEAR, "RECTIFYING", auditors, 5);
        f.audit(county, townA, s1, YEAR - 1, "PASSED", auditors, 1);
        f.audit(qz, outside, sx, YEAR, "RECTIFYING", auditors, 1);
        assertThat(rollups.rollUp()).as("the dashboard's year figures rolled up").isTrue();
    }

}
