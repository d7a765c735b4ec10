package cn.studyflow.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.Notification;
import cn.studyflow.org.CadreRank;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Part;
import java.time.LocalDate;
import java.time.LocalTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Rules from a day, refusals of negative credits, the two-year retraining rule and the last quarter's reminder. Each
 * test works in a year of its own far ahead, so that the rule it saves touches no other test's credits.
 */
class CreditRulesTest extends CreditFixture {

    @Autowired CreditRules rules;
    @Autowired CreditJobs jobs;

    @Override
    protected String townName() {
        return "学分规则镇党委";
    }

    private MockHttpServletRequestBuilder ruleForm(String day, String item, String value) {
        MockHttpServletRequestBuilder form = post("/credits/rules").with(as("admin")).with(csrf())
            .header("Referer", "http://localhost/credits/rules").param("effectiveFrom", day);
        CreditRule defaults = rules.book().defaults();
        for (String i : rules.items()) {
            form.param(i, i.equals(item) ? value : defaults.value(i).toPlainString());
        }
        return form;
    }

    private int ruleCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sf_credit_rule", Integer.class);
    }

    @Test
    void aRuleChangeAppliesFromItsDayAndNotBefore() throws Exception {
        rank(group.member(), CadreRank.SECTION);
        long march = held(LocalDate.of(2099, 3, 10), LocalTime.of(9, 0), LocalTime.of(13, 0));
        long may = held(LocalDate.of(2099, 5, 12), LocalTime.of(9, 0), LocalTime.of(13, 0));
        attended(march, group.member(), Part.MEMBER, Attendance.PRESENT);
        attended(may, group.member(), Part.MEMBER, Attendance.PRESENT);
        ledger.refresh(group.org().getId(), 2099);
        assertThat(standing(group.member(), 2099).earned()).as("two half days under the default").isEqualByComparingTo("4");

        mvc.perform(ruleForm("2099-04-01", CreditRule.HALF_DAY, "3.5"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/credits/rules"))
            .andExpect(flash().attribute("message", "credits.rule.saved"));
        ledger.refresh(group.org().getId(), 2099);

        // March under the default 2, May under the new rule 3.5; the year's target is the one of 1 January
        assertThat(standing(group.member(), 2099).earned()).isEqualByComparingTo("5.5");
        assertThat(standing(group.member(), 2099).target()).isEqualByComparingTo("12");
        assertThat(standings.lines(group.member().getPersonId(), 2099)).extracting(CreditLine::getRuleId)
            .containsExactly(null, rules.book().at(LocalDate.of(2099, 4, 1)).id());
    }

    @Test
    void negativeCreditsAreRefusedWithAMessageAndNothingSaved() throws Exception {
        int before = ruleCount();
        mvc.perform(ruleForm("2098-01-01", CreditRule.SESSION, "-1"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("error", Matchers.containsString("不能为负数")));
        mvc.perform(post("/api/credits/rules").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"effectiveFrom\":\"2098-01-01\",\"items\":{\"SESSION\":\"-2\"}}"))
            .andExpect(status().isBadRequest());
        mvc.perform(ruleForm("2098-01-01", "TARGET.SENIOR", "-18").param("lang", "en"))
            .andExpect(flash().attribute("error", Matchers.containsString("cannot be negative")));
        mvc.perform(ruleForm("2098-01-01", CreditRule.MAKEUP_SHARE, "1.5"))
            .andExpect(flash().attribute("error", Matchers.containsString("不能超过 1")));
        assertThat(ruleCount()).isEqualTo(before);
    }

    @Test
    void onlyTheSystemAdministratorSavesRules() throws Exception {
        int before = ruleCount();
        mvc.perform(post("/api/credits/rules").with(as("qz_dept")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"effectiveFrom\":\"2097-01-01\",\"items\":{}}"))
            .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").isNotEmpty());
        assertThat(ruleCount()).isEqualTo(before);
    }

    @Test
    void shortTwoYearsRunningIsFlaggedForRetrainingInTheThird() {
        rank(group.member(), CadreRank.SECTION);
        rank(group.member2(), CadreRank.SECTION);
        long session = held(LocalDate.of(2096, 2, 1), LocalTime.of(9, 0), LocalTime.of(10, 0));
        for (int i = 1; i <= 6; i++) {
            // six research reports of 2 credits: member2 reaches 12 in 2096
            material(session, group.member2(), "RESEARCH_REPORT", "ARCHIVED", LocalDate.of(2096, i, 15));
        }
        ledger.refresh(group.org().getId(), 2096);
        ledger.refresh(group.org().getId(), 2097);

        assertThat(standing(group.member(), 2096).isShort()).isTrue();
        assertThat(standing(group.member(), 2096).retraining()).as("no year before on record").isFalse();
        assertThat(standing(group.member(), 2097).retraining()).isTrue();
        assertThat(standing(group.member2(), 2096).isShort()).isFalse();
        assertThat(standing(group.member2(), 2097).isShort()).isTrue();
        assertThat(standing(group.member2(), 2097).retraining()).isFalse();
    }

    @Test
    void theShortAreRemindedOnceFromTheLastQuarter() throws Exception {
        rank(group.member(), CadreRank.SECTION);
        ledger.refresh(group.org().getId(), 2094);

        assertThat(jobs.remindShort(LocalDate.of(2094, 9, 30))).isZero();
        assertThat(jobs.remindShort(LocalDate.of(2094, 10, 1))).isPositive();
        Notification told = latest(group.member());
        assertThat(told.getMessageKey()).isEqualTo("credits.notify.short");
        assertThat(told.getLink()).isEqualTo("/credits/people/" + group.member().getPersonId() + "?year=2094");
        // the member reads it among their notifications, in both languages
        mvc.perform(get("/notifications").with(as(group.member().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("您2094年已得学分")));
        mvc.perform(get("/notifications").param("lang", "en").with(as(group.member().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Your study credits for 2094: ")));
        int notices = jdbc.queryForObject("SELECT COUNT(*) FROM sf_notification WHERE person_id = ?", Integer.class,
            group.member().getPersonId());

        ledger.refresh(group.org().getId(), 2094);
        assertThat(jobs.remindShort(LocalDate.of(2094, 11, 1))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_notification WHERE person_id = ?", Integer.class,
            group.member().getPersonId())).isEqualTo(notices);
    }
}
