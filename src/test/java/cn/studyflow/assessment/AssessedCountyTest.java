package cn.studyflow.assessment;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Tests on a county of their own under 潍坊市委 with its year's figures written by hand ({@link AssessedCounty}). */
abstract class AssessedCountyTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;

    AssessedCounty c;

    @BeforeEach
    void county() {
        Org county = newOrg("临朐县委", OrgKind.COUNTY, orgService.byCode("wf"));
        Org xinan = newOrg("新安镇党委", OrgKind.TOWN, county);
        Org dongba = newOrg("东坝镇党委", OrgKind.TOWN, county);
        Org nanhe = newOrg("南河镇党委", OrgKind.TOWN, county);
        CurrentUser[] members = {newPerson("m", xinan, Role.MEMBER), newPerson("m", xinan, Role.MEMBER),
            newPerson("m", xinan, Role.MEMBER), newPerson("m", xinan, Role.MEMBER)};
        c = new AssessedCounty(county, newPerson("dept", county, Role.DEPT), xinan, newPerson("sec", xinan, Role.SECRETARY),
            newPerson("lead", xinan, Role.LEADER), dongba, newPerson("sec", dongba, Role.SECRETARY), nanhe, members);
        c.writeFigures(jdbc);
    }

    RequestPostProcessor basic(CurrentUser user) {
        return httpBasic(user.getUsername(), PASSWORD);
    }
}
