package cn.studyflow.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CadreRank;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What a newcomer to the demo reads: 卞桥镇's people have ranks, this year's held sessions gave them credits, and the
 * shortfall list is not empty. With the demo's sessions, as {@code session/DemoSessionsTest} has them (one context).
 */
@TestPropertySource(properties = {"studyflow.demo.sample-plans=true", "studyflow.demo.sample-sessions=true"})
class DemoCreditsTest extends IntegrationTest {

    @Autowired CreditStandings standings;

    @Test
    void bianqiaoHasCreditsAndAShortfallListThisYear() throws Exception {
        long bq = user("bq_secretary").getOrgId();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        mvc.perform(get("/credits").with(as("bq_secretary")))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get("/credits/orgs/" + bq).with(as("bq_secretary")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"standings-table\"")));
        List<CreditStanding> rows = standings.ofOrg(bq, year);
        assertThat(rows).extracting(CreditStanding::cadreRank).contains(CadreRank.SENIOR, CadreRank.SECTION);
        assertThat(rows).anyMatch(r -> r.earned().signum() > 0);
        assertThat(rows).anyMatch(CreditStanding::isShort);
        assertThat(standings.lines(user("bq_leader").getPersonId(), year)).isNotEmpty();
    }
}
