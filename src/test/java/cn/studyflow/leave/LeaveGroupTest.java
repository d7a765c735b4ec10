package cn.studyflow.leave;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The leave tests' base: a study group of the test's own under 青州市委 and a session in five days with a roster. */
abstract class LeaveGroupTest extends IntegrationTest {

    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected Roster roster;

    protected LeaveFixture fixture;
    protected LeaveFixture.Group group;
    protected long sessionId;

    @BeforeEach
    void makeGroup() {
        fixture = new LeaveFixture(jdbc, roster);
        Org county = orgService.get(orgService.personByUsername("qz_dept").getOrgId());
        group = LeaveFixture.group(new LeaveFixture.People() {
            @Override
            public Org org(String name, OrgKind kind, Org parent) {
                return newOrg(name, kind, parent);
            }

            @Override
            public CurrentUser person(String prefix, Org org, Role... roles) {
                return newPerson(prefix, org, roles);
            }
        }, county);
        sessionId = fixture.sessionInDays(group, 5, group.member(), group.member2(), group.leader(), group.deputy());
    }
}
