package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may administer what: system administrators everything, organisation administrators their own subtree (anything
 * outside it is 404, as if it did not exist, and system administrators are off limits), everyone else 403 on every
 * administrative page and API call. Every refusal leaves everything as it was.
 */
class AdminAccessTest extends AdminFixture {

    Org county;
    Org town;
    Org otherCounty;
    CurrentUser orgAdmin;
    CurrentUser townMember;
    CurrentUser outsider;
    CurrentUser systemAdminInside;

    @BeforeEach
    void twoCountiesAndAnOrganisationAdministratorOfOne() {
        Org city = orgService.get(user("admin").getOrgId());
        county = newOrg("甲县委", OrgKind.COUNTY, city);
        town = newOrg("甲县某镇", OrgKind.TOWN, county);
        otherCounty = newOrg("乙县委", OrgKind.COUNTY, city);
        orgAdmin = newPerson("oadm", county, Role.ORG_ADMIN);
        townMember = newPerson("tmem", town, Role.MEMBER);
        outsider = newPerson("out", otherCounty, Role.MEMBER);
        systemAdminInside = newPerson("sadm", town, Role.ADMIN);
    }

    /** Every page and API call of the administration, with ids that exist. */
    private List<MockHttpServletRequestBuilder> everyRequest() {
        long org = town.getId();
        long person = townMember.getPersonId();
        String roles = "{\"roles\":[\"MEMBER\",\"SECRETARY\"]}";
        String orgBody = "{\"parentId\":" + county.getId() + ",\"name\":\"新镇\",\"kind\":\"TOWN\"}";
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        for (String path : List.of("/admin", "/admin/orgs", "/admin/orgs/" + org, "/admin/people",
            "/admin/people/new", "/admin/people/" + person, "/admin/import", "/admin/import/template.xlsx",
            "/admin/people/export.xlsx", "/admin/trail", "/admin/trail/export.xlsx")) {
            requests.add(get(path));
        }
        requests.add(post("/admin/orgs").param("parentId", "" + county.getId()).param("name", "新镇").param("kind", "TOWN"));
        for (String action : List.of("rename", "move", "deactivate", "reactivate")) {
            requests.add(post("/admin/orgs/" + org + "/" + action).param("name", "改名").param("kind", "TOWN")
                .param("parentId", "" + otherCounty.getId()));
        }
        requests.add(post("/admin/people").param("username", unique("x")).param("displayName", "某人")
            .param("orgId", "" + org).param("roles", "MEMBER"));
        requests.add(post("/admin/people/" + person).param("displayName", "改名").param("orgId", "" + org));
        requests.add(post("/admin/people/" + person + "/roles").param("roles", "SECRETARY"));
        requests.add(post("/admin/people/" + person + "/password").param("password", "Qz7#kd93mVtr2"));
        for (String action : List.of("unlock", "deactivate", "reactivate")) {
            requests.add(post("/admin/people/" + person + "/" + action));
        }
        requests.add(multipart("/admin/import").file(new MockMultipartFile("file", "p.xlsx", null, new byte[] {1})));
        for (String path : List.of("/api/admin/orgs", "/api/admin/people", "/api/admin/people/" + person,
            "/api/admin/trail")) {
            requests.add(get(path).accept(MediaType.APPLICATION_JSON));
        }
        requests.add(json(post("/api/admin/orgs"), orgBody));
        requests.add(json(put("/api/admin/orgs/" + org), orgBody));
        requests.add(json(post("/api/admin/orgs/" + org + "/move"), "{\"parentId\":" + otherCounty.getId() + "}"));
        requests.add(json(post("/api/admin/orgs/" + org + "/deactivate"), "{}"));
        requests.add(json(post("/api/admin/orgs/" + org + "/reactivate"), "{}"));
        requests.add(json(post("/api/admin/people"), "{\"username\":\"" + unique("y") + "\",\"displayName\":\"某人\","
            + "\"orgId\":" + org + ",\"roles\":[\"MEMBER\"]}"));
        requests.add(json(put("/api/admin/people/" + person), "{\"displayName\":\"改名\",\"orgId\":" + org + "}"));
        requests.add(json(put("/api/admin/people/" + person + "/roles"), roles));
        requests.add(json(post("/api/admin/people/" + person + "/password"), "{\"password\":\"Qz7#kd93mVtr2\"}"));
        for (String action : List.of("unlock", "deactivate", "reactivate")) {
            requests.add(json(post("/api/admin/people/" + person + "/" + action), "{}"));
        }
        requests.add(multipart("/api/admin/import").file(new MockMultipartFile("file", "p.xlsx", null, new byte[] {1}))
            .accept(MediaType.APPLICATION_JSON));
        return requests;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bq_secretary", "bq_leader", "qz_manager", "qz_dept", "wf_auditor"})
    void everyoneElseIsRefusedEveryPageAndCallAndNothingChanges(String username) throws Exception {
        Snapshot before = snapshot();
        for (MockHttpServletRequestBuilder request : everyRequest()) {
            mvc.perform(request.with(as(username)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.not(Matchers.containsString(townMember.getDisplayName()))));
        }
        mvc.perform(get("/api/admin/people").with(httpBasic(username, PASSWORD)))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("error.forbidden"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAdministrationLinkShowsOnlyForAdministrators() throws Exception {
        mvc.perform(get("/tasks").with(as("bq_secretary")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"nav-admin\""))));
        mvc.perform(get("/tasks").with(as(orgAdmin.getUsername())))
            .andExpect(content().string(Matchers.containsString("id=\"nav-admin\"")));
    }

    @Test
    void anOrganisationAdministratorSeesOnlyTheirSubtree() throws Exception {
        var people = body(apiGet(orgAdmin.getUsername(), "/api/admin/people?size=500").andExpect(status().isOk()));
        List<Long> orgIds = new ArrayList<>();
        people.path("items").forEach(p -> orgIds.add(p.path("orgId").asLong()));
        assertThat(orgIds).isNotEmpty().allMatch(id -> id == county.getId() || id == town.getId());
        var orgs = body(apiGet(orgAdmin.getUsername(), "/api/admin/orgs").andExpect(status().isOk()));
        List<Long> ids = new ArrayList<>();
        orgs.forEach(o -> ids.add(o.path("id").asLong()));
        assertThat(ids).containsExactly(county.getId(), town.getId());
    }

    @Test
    void anOrganisationAdministratorManagesPeopleAndRolesBelowThem() throws Exception {
        apiPut(orgAdmin.getUsername(), Map.of("roles", List.of("MEMBER", "SECRETARY")), "/api/admin/people/{id}/roles",
            townMember.getPersonId())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.roles").value(Matchers.contains("MEMBER", "SECRETARY")));
        apiPost(orgAdmin.getUsername(), Map.of("username", unique("new"), "displayName", "新同志", "orgId", town.getId(),
            "roles", List.of("PUBLICITY")), "/api/admin/people")
            .andExpect(status().isOk());
        mvc.perform(get("/admin/people/{id}", townMember.getPersonId()).with(as(orgAdmin.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(townMember.getDisplayName())));
    }

    @Test
    void tamperedIdsOutsideTheSubtreeAreNotFoundAndNothingChanges() throws Exception {
        String who = orgAdmin.getUsername();
        long stranger = outsider.getPersonId();
        Snapshot before = snapshot();
        List<MockHttpServletRequestBuilder> tampered = List.of(
            get("/admin/people/" + stranger),
            get("/admin/people").param("org", "" + otherCounty.getId()),
            get("/admin/orgs/" + otherCounty.getId()),
            post("/admin/people/" + stranger + "/roles").param("roles", "LEADER"),
            post("/admin/people/" + stranger + "/password").param("password", "Qz7#kd93mVtr2"),
            post("/admin/people/" + stranger + "/deactivate"),
            post("/admin/people/" + stranger).param("displayName", "改名").param("orgId", "" + town.getId()),
            // one of their own people moved out of their subtree, or a new person put outside it
            post("/admin/people/" + townMember.getPersonId()).param("displayName", "改名")
                .param("orgId", "" + otherCounty.getId()),
            post("/admin/people").param("username", unique("z")).param("displayName", "某人")
                .param("orgId", "" + otherCounty.getId()),
            get("/api/admin/people/" + stranger).accept(MediaType.APPLICATION_JSON),
            json(put("/api/admin/people/" + stranger + "/roles"), "{\"roles\":[\"LEADER\"]}"),
            json(post("/api/admin/people/" + stranger + "/deactivate"), "{}"),
            json(post("/api/admin/people/" + townMember.getPersonId() + "/deactivate"),
                "{\"successorId\":" + stranger + "}"),
            json(post("/api/admin/people"), "{\"username\":\"" + unique("w") + "\",\"displayName\":\"某人\",\"orgId\":"
                + otherCounty.getId() + "}"));
        for (MockHttpServletRequestBuilder request : tampered) {
            mvc.perform(request.with(as(who)).with(csrf())).andExpect(status().isNotFound());
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOrganisationAdministratorNeitherTouchesSystemAdministratorsNorTheTreeNorTheTrail() throws Exception {
        String who = orgAdmin.getUsername();
        Snapshot before = snapshot();
        apiPut(who, Map.of("roles", List.of("MEMBER")), "/api/admin/people/{id}/roles", systemAdminInside.getPersonId())
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("只有系统管理员可以管理系统管理员账号或授予该角色"));
        apiPost(who, Map.of("password", "Qz7#kd93mVtr2"), "/api/admin/people/{id}/password",
            systemAdminInside.getPersonId()).andExpect(status().isForbidden());
        apiPut(who, Map.of("roles", List.of("MEMBER", "ADMIN")), "/api/admin/people/{id}/roles",
            townMember.getPersonId()).andExpect(status().isForbidden());
        apiPost(who, Map.of("parentId", county.getId(), "name", "新镇", "kind", "TOWN"), "/api/admin/orgs")
            .andExpect(status().isForbidden());
        apiPost(who, Map.of("parentId", county.getId()), "/api/admin/orgs/{id}/move", town.getId())
            .andExpect(status().isForbidden());
        apiGet(who, "/api/admin/trail").andExpect(status().isForbidden());
        mvc.perform(get("/admin/trail").with(as(who))).andExpect(status().isForbidden());
        // above their own organisation: the city
        apiGet(who, "/api/admin/people/{id}", user("admin").getPersonId()).andExpect(status().isNotFound());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAdministrationApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as("admin")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/admin/people']").exists())
            .andExpect(jsonPath("$.paths['/api/admin/people/{id}/roles']").exists())
            .andExpect(jsonPath("$.paths['/api/admin/orgs/{id}/move']").exists())
            .andExpect(jsonPath("$.paths['/api/admin/import']").exists());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).accept(MediaType.APPLICATION_JSON);
    }

    /** What the refused requests must leave as it was. */
    private record Snapshot(List<String> people, List<String> orgs) {
    }

    private Snapshot snapshot() {
        List<String> people = new ArrayList<>();
        for (Org org : List.of(county, town, otherCounty)) {
            for (Person p : orgService.peopleOf(org.getId())) {
                people.add(p.getUsername() + "|" + p.getDisplayName() + "|" + p.getOrgId() + "|" + p.isEnabled() + "|"
                    + p.getRoles() + "|" + p.getPasswordHash() + "|" + p.isMustChangePassword());
            }
        }
        List<String> orgs = new ArrayList<>();
        for (Org org : List.of(county, town, otherCounty)) {
            Org o = orgService.get(org.getId());
            orgs.add(o.getName() + "|" + o.getPath() + "|" + o.getParentId() + "|" + o.isActive());
        }
        orgs.add("count " + orgService.names().size());
        return new Snapshot(people, orgs);
    }
}
