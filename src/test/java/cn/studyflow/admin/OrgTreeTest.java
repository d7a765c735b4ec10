package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.Plans;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The organisation tree: create, rename, move with the whole subtree, deactivate only when nothing depends on it. */
class OrgTreeTest extends AdminFixture {

    @Autowired PlanService plans;
    @Autowired JdbcTemplate jdbc;

    Org city;
    Org countyA;
    Org countyB;
    Org town;
    Org village;

    @BeforeEach
    void twoCountiesAndATownWithSomethingBelowIt() {
        city = orgService.get(user("admin").getOrgId());
        countyA = newOrg("A县委", OrgKind.COUNTY, city);
        countyB = newOrg("B县委", OrgKind.COUNTY, city);
        town = newOrg("A县某镇", OrgKind.TOWN, countyA);
        village = newOrg("A县某镇某部门", OrgKind.DEPARTMENT, town);
    }

    @Test
    void anAdministratorBuildsTheTreeThroughTheApi() throws Exception {
        var county = body(apiPost("admin", Map.of("parentId", city.getId(), "name", "新县委", "kind", "COUNTY"),
            "/api/admin/orgs").andExpect(status().isOk()));
        long countyId = county.path("id").asLong();
        assertThat(county.path("path").asText()).isEqualTo(city.getPath() + countyId + "/");
        var newTown = body(apiPost("admin", Map.of("parentId", countyId, "name", "新镇", "kind", "TOWN", "code", unique("nt")),
            "/api/admin/orgs").andExpect(status().isOk()));
        assertThat(newTown.path("path").asText()).isEqualTo(city.getPath() + countyId + "/" + newTown.path("id").asLong() + "/");
        apiPut("admin", Map.of("name", "新镇（改）", "kind", "STREET"), "/api/admin/orgs/{id}", newTown.path("id").asLong())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("新镇（改）"))
            .andExpect(jsonPath("$.kind").value("STREET"));
        mvc.perform(get("/admin/orgs").with(as("admin")).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("新镇（改）")))
            .andExpect(content().string(Matchers.containsString("Street committee")));
    }

    @Test
    void movingATownMovesItsWholeSubtreeAndTheStatusJournalFollows() throws Exception {
        CurrentUser secretary = newPerson("sec", town, Role.SECRETARY);
        Plan plan = Plans.submittedAnnual(plans, secretary);
        String oldTownPath = town.getPath();

        apiPost("admin", Map.of("parentId", countyB.getId()), "/api/admin/orgs/{id}/move", town.getId())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.parentId").value(countyB.getId()));

        String newTownPath = countyB.getPath() + town.getId() + "/";
        assertThat(orgService.get(town.getId()).getPath()).isEqualTo(newTownPath);
        assertThat(orgService.get(village.getId()).getPath()).isEqualTo(newTownPath + village.getId() + "/");
        assertThat(jdbc.queryForObject("SELECT org_path FROM sf_instance WHERE id = ?", String.class,
            plan.getProcessInstanceId())).isEqualTo(newTownPath);
        assertThat(jdbc.queryForList("SELECT org_path FROM sf_stage WHERE instance_id = ?", String.class,
            plan.getProcessInstanceId())).isNotEmpty().containsOnly(newTownPath);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_org WHERE path LIKE ?", Integer.class,
            oldTownPath + "%")).isZero();
        // the secretary's open session now sees their organisation in its new place
        mvc.perform(get("/admin/orgs/{id}", town.getId()).with(as("admin")))
            .andExpect(content().string(Matchers.containsString(countyB.getName())));
    }

    @Test
    void movingAnOrganisationUnderItsOwnChildIsRefusedAndNothingMoves() throws Exception {
        apiPost("admin", Map.of("parentId", village.getId()), "/api/admin/orgs/{id}/move", countyA.getId())
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("不能把“A县委”移到它自己或它的下级“A县某镇某部门”之下"));
        apiPost("admin", Map.of("parentId", countyA.getId()), "/api/admin/orgs/{id}/move", countyA.getId())
            .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/orgs/{id}/move", countyA.getId()).param("parentId", "" + town.getId())
                .param("lang", "en").with(as("admin")).with(csrf()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(Matchers.containsString("You cannot move")));
        assertThat(orgService.get(countyA.getId()).getParentId()).isEqualTo(city.getId());
        assertThat(orgService.get(village.getId()).getPath())
            .isEqualTo(city.getPath() + countyA.getId() + "/" + town.getId() + "/" + village.getId() + "/");
    }

    @Test
    void deactivationIsRefusedWithTheListOfWhatBlocksItUntilNothingDoes() throws Exception {
        CurrentUser secretary = newPerson("sec", village, Role.SECRETARY);
        Plan plan = Plans.submittedAnnual(plans, secretary);

        apiPost("admin", Map.of(), "/api/admin/orgs/{id}/deactivate", village.getId())
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(Matchers.allOf(Matchers.containsString(plan.getTitle()),
                Matchers.containsString(secretary.getDisplayName()))));
        apiPost("admin", Map.of(), "/api/admin/orgs/{id}/deactivate", town.getId())
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(Matchers.containsString(village.getName())));
        assertThat(orgService.get(village.getId()).isActive()).isTrue();

        // an organisation with nobody and nothing running
        apiPost("admin", Map.of(), "/api/admin/orgs/{id}/deactivate", countyB.getId())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.active").value(false));
        // nobody can be put into it, nor anything created below it
        apiPost("admin", Map.of("username", unique("p"), "displayName", "某人", "orgId", countyB.getId()),
            "/api/admin/people").andExpect(status().isBadRequest());
        apiPost("admin", Map.of("parentId", countyB.getId(), "name", "镇", "kind", "TOWN"), "/api/admin/orgs")
            .andExpect(status().isBadRequest());
        apiPost("admin", Map.of(), "/api/admin/orgs/{id}/reactivate", countyB.getId())
            .andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void badInputGetsAClearMessageAndCreatesNothing() throws Exception {
        int before = orgService.names().size();
        apiPost("admin", Map.of("parentId", city.getId(), "name", " ", "kind", "TOWN"), "/api/admin/orgs")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请填写组织名称"));
        apiPost("admin", Map.of("parentId", city.getId(), "name", "镇", "kind", "PROVINCE"), "/api/admin/orgs")
            .andExpect(status().isBadRequest());
        apiPost("admin", Map.of("parentId", city.getId(), "name", "镇", "kind", "TOWN", "code", countyA.getCode()),
            "/api/admin/orgs").andExpect(status().isConflict());
        apiPost("admin", Map.of("parentId", 987654321L, "name", "镇", "kind", "TOWN"), "/api/admin/orgs")
            .andExpect(status().isNotFound());
        mvc.perform(post("/admin/orgs").param("name", "镇").param("kind", "TOWN").with(as("admin")).with(csrf()))
            .andExpect(status().isBadRequest());
        assertThat(orgService.names()).hasSize(before);
    }

    @Test
    void theTrailRecordsTheMoveWithBeforeAndAfter() throws Exception {
        apiPost("admin", Map.of("parentId", countyB.getId()), "/api/admin/orgs/{id}/move", town.getId())
            .andExpect(status().isOk());
        var trail = body(apiGet("admin", "/api/admin/trail?action=ORG_MOVE&q=" + town.getName()));
        var entry = trail.path("items").get(0);
        assertThat(entry.path("objectName").asText()).isEqualTo(town.getName());
        assertThat(entry.path("beforeValue").asText()).isEqualTo(countyA.getName());
        assertThat(entry.path("afterValue").asText()).isEqualTo(countyB.getName());
        assertThat(entry.path("actorName").asText()).isEqualTo(user("admin").getDisplayName());
        List<String> pages = List.of("/admin/trail", "/admin/trail?action=ORG_MOVE", "/admin/trail?lang=en");
        for (String page : pages) {
            mvc.perform(get(page).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(town.getName())));
        }
    }
}
