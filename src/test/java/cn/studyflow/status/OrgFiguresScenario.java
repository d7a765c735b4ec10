package cn.studyflow.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows behind the dashboard's plan, session and audit columns, worked out by hand, written once for the
 * three features' mapper tests (each feature counts its own column now). The tree: a county over two towns, and
 * another county beside it; today is 15 June 2031.
 * <ul>
 * <li>plans: the town's annual plans of 2031 (approved) and 2032 (submitted), the sibling town's of 2030 and the
 * other county's of 2031;</li>
 * <li>sessions of the town's 2031 plan: 10 March (marked held), 20 June, May without a day, July without a day;</li>
 * <li>audits of the town in 2031: the March session passed (one record scored 4), the May one in rectification
 * (one record scored 2), the July one scheduled.</li>
 * </ul>
 */
public final class OrgFiguresScenario {

    public static final int YEAR = 2031;
    public static final LocalDate TODAY = LocalDate.of(2031, 6, 15);
    static final OffsetDateTime NOW = StatusFixture.at("2031-06-15T12:00");

    public final Org county;
    public final Org town;
    public final Org sibling;
    public final Org otherCounty;

    public OrgFiguresScenario(OrgMapper orgs, PersonMapper people, JdbcTemplate jdbc) {
        county = Rows.org(orgs, "青州市委", null);
        town = Rows.org(orgs, "卞桥镇党委", county);
        sibling = Rows.org(orgs, "王坟镇党委", county);
        otherCounty = Rows.org(orgs, "临朐县委", null);
        Person dept = Rows.person(people, county, "赵明远", true, Role.DEPT);
        Person auditor = Rows.person(people, county, "张海燕", true, Role.AUDITOR);
        StatusFixture domain = new StatusFixture(jdbc, new CurrentUser(people.selectById(dept.getId()), county));
        long townPlan = domain.annualPlan(town, 2031, "APPROVED");
        domain.annualPlan(town, 2032, "SUBMITTED");
        domain.annualPlan(sibling, 2030, "APPROVED");
        domain.annualPlan(otherCounty, 2031, "APPROVED");
        long held = domain.session(town, townPlan, 1, 2031, 3, LocalDate.of(2031, 3, 10));
        domain.held(held);
        domain.session(town, townPlan, 2, 2031, 6, LocalDate.of(2031, 6, 20));
        long undated = domain.session(town, townPlan, 3, 2031, 5, null);
        long later = domain.session(town, townPlan, 4, 2031, 7, null);
        CurrentUser[] one = {new CurrentUser(people.selectById(auditor.getId()), county)};
        domain.audit(county, town, held, 2031, "PASSED", one, 4);
        domain.audit(county, town, undated, 2031, "RECTIFYING", one, 2);
        domain.audit(county, town, later, 2031, "SCHEDULED", new CurrentUser[0]);
    }

    /** What a viewer of {@code org}'s whole subtree counts. */
    public StatusScope subtree(Org org) {
        return new StatusScope(org.getId(), org.getPath() + "%", org.getPath() + "%", NOW);
    }

    /** What a viewer of {@code org} alone counts. */
    public StatusScope only(Org org) {
        return new StatusScope(org.getId(), null, null, NOW);
    }
}
