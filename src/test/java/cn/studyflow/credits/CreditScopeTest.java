package cn.studyflow.credits;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CadreRank;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Part;
import java.time.LocalDate;
import java.time.LocalTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who reads which credits, on pages, downloads and the API: a member their own record, the secretary, leader and deputy
 * their organisation, superiors their subtree; anything else answers 404 as if it did not exist.
 */
class CreditScopeTest extends CreditFixture {

    static final int YEAR = 2024;

    @Override
    protected String townName() {
        return "学分范围镇党委";
    }

    @BeforeEach
    void aSession() {
        rank(group.member(), CadreRank.SECTION);
        long s = held(LocalDate.of(YEAR, 4, 8), LocalTime.of(9, 0), LocalTime.of(11, 0));
        attended(s, group.member(), Part.MEMBER, Attendance.PRESENT);
        attended(s, group.member2(), Part.SPEAKER, Attendance.PRESENT);
    }

    private RequestPostProcessor as(cn.studyflow.org.CurrentUser who) {
        return SecurityMockMvcRequestPostProcessors.user(who);
    }

    private String org() {
        return "/credits/orgs/" + group.org().getId() + "?year=" + YEAR;
    }

    private String record(cn.studyflow.org.CurrentUser whose) {
        return "/credits/people/" + whose.getPersonId() + "?year=" + YEAR;
    }

    @Test
    void aMemberReadsTheirOwnRecordAndNothingElse() throws Exception {
        mvc.perform(get("/credits").with(as(group.member())))
            .andExpect(redirectedUrl("/credits/people/" + group.member().getPersonId()));
        mvc.perform(get(record(group.member())).with(as(group.member())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"record-total\">1<")));
        mvc.perform(get(record(group.member2())).with(as(group.member()))).andExpect(status().isNotFound());
        mvc.perform(get("/credits/people/" + group.member2().getPersonId() + "/docx?year=" + YEAR).with(as(group.member())))
            .andExpect(status().isNotFound());
        mvc.perform(get(org()).with(as(group.member()))).andExpect(status().isNotFound());
        mvc.perform(get("/credits/orgs/" + group.org().getId() + "/xlsx").with(as(group.member())))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/credits/orgs/" + group.org().getId() + "/standings").with(as(group.member())))
            .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/credits/people/" + group.member2().getPersonId()).with(as(group.member())))
            .andExpect(status().isNotFound());
    }

    @Test
    void theSecretaryReadsTheirOrganisationButNotItsNeighboursNorASubtree() throws Exception {
        mvc.perform(get(org()).with(as(group.secretary())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("standing-" + group.member().getPersonId())));
        mvc.perform(get(record(group.member2())).with(as(group.secretary()))).andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"record-led\"")));
        mvc.perform(get(org() + "&subtree=true").with(as(group.secretary()))).andExpect(status().isNotFound());
        long bq = user("bq_secretary").getOrgId();
        mvc.perform(get("/credits/orgs/" + bq).with(as(group.secretary()))).andExpect(status().isNotFound());
        mvc.perform(get(org()).with(as("bq_secretary"))).andExpect(status().isNotFound());
        mvc.perform(get(record(group.member())).with(as("bq_leader"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/credits/orgs/" + group.org().getId() + "/standings").with(as("bq_secretary")))
            .andExpect(status().isNotFound());
    }

    @Test
    void aSuperiorReadsTheSubtreeAndOneOutsideItDoesNot() throws Exception {
        long county = user("qz_dept").getOrgId();
        ledger.refresh(group.org().getId(), YEAR);
        mvc.perform(get("/credits/orgs/" + county + "?subtree=true&shortOnly=true&year=" + YEAR).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("standing-" + group.member().getPersonId())));
        mvc.perform(get("/api/credits/orgs/" + county + "/standings?subtree=true&shortOnly=true&year=" + YEAR)
                .with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.personId == " + group.member().getPersonId() + ")].shortBy").value(Matchers.hasItem(11.0)));
        mvc.perform(get(record(group.member())).with(as("qz_dept"))).andExpect(status().isOk());
        mvc.perform(get("/credits/orgs/" + group.org().getId() + "/xlsx?year=" + YEAR).with(as("qz_dept")))
            .andExpect(status().isOk());
        mvc.perform(get(org()).with(as("bq_dept"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/credits/people/" + group.member().getPersonId()).with(as("bq_dept")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/credits/people/999999999").with(as("qz_dept"))).andExpect(status().isNotFound());
    }

    @Test
    void theCreditsApiIsInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as("admin")))
            .andExpect(jsonPath("$.paths['/api/credits/orgs/{orgId}/standings'].get.summary")
                .value(Matchers.containsString("retraining")))
            .andExpect(jsonPath("$.paths['/api/credits/people/{personId}'].get").exists())
            .andExpect(jsonPath("$.paths['/api/credits/rules'].get").exists())
            .andExpect(jsonPath("$.paths['/api/credits/rules'].post.summary").value(Matchers.containsString("negative")));
    }

    @Test
    void aYearOutOfRangeIsABadRequestWithAMessage() throws Exception {
        mvc.perform(get("/api/credits/orgs/" + group.org().getId() + "/standings?year=99999").with(as(group.secretary())))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", Matchers.containsString("2000")));
    }
}
