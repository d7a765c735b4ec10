package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** People: created with a temporary password that must be changed first, the password rules, unlock, bad input. */
class PeopleAdminTest extends AdminFixture {

    static final String TEMPORARY = "Tq8#Lm2$Wx5!";
    static final String OWN = "Sunrise over Taishan 2027";

    @Autowired PersonMapper people;
    @Autowired PasswordEncoder encoder;

    Org town;

    @BeforeEach
    void aTown() {
        town = newOrg("人员镇", OrgKind.TOWN, orgService.get(user("qz_secretary").getOrgId()));
    }

    private String createWithTemporaryPassword() throws Exception {
        String username = unique("newsec");
        apiPost("admin", Map.of("username", username, "displayName", "刘海燕", "orgId", town.getId(), "phone",
            "13800000000", "roles", List.of("SECRETARY", "MEMBER"), "password", TEMPORARY), "/api/admin/people")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.mustChangePassword").value(true))
            .andExpect(jsonPath("$.roles").value(Matchers.contains("MEMBER", "SECRETARY")))
            .andExpect(jsonPath("$.passwordHash").doesNotExist());
        return username;
    }

    @Test
    void theAdministratorSetsACadreRankOnThePageAndThroughTheApi() throws Exception {
        Person person = orgService.personByUsername(createWithTemporaryPassword());
        assertThat(person.getCadreRank()).isEqualTo(CadreRank.OTHER);

        mvc.perform(post("/admin/people/{id}", person.getId()).with(as("admin")).with(csrf())
                .param("displayName", "刘海燕").param("orgId", town.getId().toString()).param("cadreRank", "SECTION"))
            .andExpect(status().is3xxRedirection());
        assertThat(people.selectById(person.getId()).getCadreRank()).isEqualTo(CadreRank.SECTION);
        mvc.perform(get("/admin/people/{id}", person.getId()).with(as("admin")))
            .andExpect(content().string(Matchers.containsString("selected=\"selected\">科级</option>")));

        apiPut("admin", Map.of("displayName", "刘海燕", "cadreRank", "SENIOR"), "/api/admin/people/{id}", person.getId())
            .andExpect(status().isOk()).andExpect(jsonPath("$.cadreRank").value("SENIOR"));
        apiPut("admin", Map.of("displayName", "刘海燕"), "/api/admin/people/{id}", person.getId())
            .andExpect(status().isOk()).andExpect(jsonPath("$.cadreRank").value("SENIOR"));
        mvc.perform(post("/admin/people/{id}", person.getId()).with(as("admin")).with(csrf())
                .param("displayName", "刘海燕").param("cadreRank", "GENERAL"))
            .andExpect(status().is4xxClientError());
        assertThat(people.selectById(person.getId()).getCadreRank()).isEqualTo(CadreRank.SENIOR);
    }

    @Test
    void aTemporaryPasswordLeadsEveryPageToTheChangeFormUntilChanged() throws Exception {
        String username = createWithTemporaryPassword();
        var session = as(username);
        mvc.perform(get("/tasks").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/plans").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/tasks").with(httpBasic(username, TEMPORARY)))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("请先在页面上修改临时密码"));
        mvc.perform(get("/account/password").with(session))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"forced-change\"")));

        // the form asks for the old password
        mvc.perform(post("/account/password").with(session).with(csrf()).param("oldPassword", "wrong-password-1")
                .param("newPassword", OWN).param("repeated", OWN))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(Matchers.containsString("原密码不正确")));
        mvc.perform(post("/account/password").with(session).with(csrf()).param("oldPassword", TEMPORARY)
                .param("newPassword", OWN).param("repeated", OWN))
            .andExpect(redirectedUrl("/tasks"))
            .andExpect(flash().attribute("message", "admin.password.changed"));

        mvc.perform(get("/tasks").with(session)).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").with(httpBasic(username, OWN))).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").with(httpBasic(username, TEMPORARY))).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @CsvSource({
        "short1!A, 密码至少12个字符",
        "xx{user}xx2024, 密码不能包含用户名",
        "password2024!, 这个密码太常见，请换一个",
        "Qwertyuiop12, 这个密码太常见，请换一个",
        "1qaz2wsx3edc, 这个密码太常见，请换一个"})
    void passwordsThatBreakTheRulesAreRefusedWithTheReason(String password, String message) throws Exception {
        String username = createWithTemporaryPassword();
        Person person = people.selectByUsername(username);
        String candidate = password.replace("{user}", username);
        apiPost("admin", Map.of("password", candidate), "/api/admin/people/{id}/password", person.getId())
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(message));
        mvc.perform(post("/account/password").with(as(username)).with(csrf()).param("oldPassword", TEMPORARY)
                .param("newPassword", candidate).param("repeated", candidate))
            .andExpect(status().isBadRequest());
        assertThat(encoder.matches(TEMPORARY, people.selectById(person.getId()).getPasswordHash())).isTrue();
    }

    @Test
    void aDuplicateUserNameIsRefusedAndNobodyIsCreated() throws Exception {
        int before = orgService.peopleOf(town.getId()).size();
        apiPost("admin", Map.of("username", "bq_secretary", "displayName", "重名", "orgId", town.getId()),
            "/api/admin/people")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value("用户名“bq_secretary”已被使用"));
        mvc.perform(post("/admin/people").with(as("admin")).with(csrf()).param("lang", "en")
                .param("username", "bq_secretary").param("displayName", "重名").param("orgId", "" + town.getId()))
            .andExpect(status().isConflict())
            .andExpect(content().string(Matchers.containsString("The user name &quot;bq_secretary&quot; is taken")));
        apiPost("admin", Map.of("username", unique("u"), "displayName", "", "orgId", town.getId()), "/api/admin/people")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请填写姓名"));
        apiPost("admin", Map.of("username", "a b", "displayName", "某人", "orgId", town.getId()), "/api/admin/people")
            .andExpect(status().isBadRequest());
        apiPost("admin", Map.of("username", unique("u"), "displayName", "某人", "orgId", town.getId(),
            "roles", List.of("GENERAL")), "/api/admin/people")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("没有这个角色：GENERAL"));
        assertThat(orgService.peopleOf(town.getId())).hasSize(before);
        assertThat(orgService.personByUsername("bq_secretary").getDisplayName()).isNotEqualTo("重名");
    }

    @Test
    void unlockLiftsTheThrottleOfFailedLogins() throws Exception {
        Person person = people.selectById(newPerson("locked", town, Role.MEMBER).getPersonId());
        // failed logins from an address of the test's own, so that no other test's logins are throttled
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/tasks").with(httpBasic(person.getUsername(), "not-the-password")).with(request -> {
                request.setRemoteAddr("192.0.2.151");
                return request;
            })).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/tasks").with(httpBasic(person.getUsername(), PASSWORD))).andExpect(status().isUnauthorized());
        apiGet("admin", "/api/admin/people/{id}", person.getId()).andExpect(jsonPath("$.locked").value(true));

        apiPost("admin", Map.of(), "/api/admin/people/{id}/unlock", person.getId())
            .andExpect(status().isOk()).andExpect(jsonPath("$.locked").value(false));
        mvc.perform(get("/api/tasks").with(httpBasic(person.getUsername(), PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void thePagesOfPeopleWorkInBothLanguages() throws Exception {
        String username = createWithTemporaryPassword();
        Person person = people.selectByUsername(username);
        for (String lang : List.of("zh-CN", "en")) {
            for (String page : List.of("/admin/people?org=" + town.getId(), "/admin/people/" + person.getId(),
                "/admin/people/new", "/admin/orgs", "/admin/orgs/" + town.getId(), "/admin/import", "/admin/trail")) {
                mvc.perform(get(page).param("lang", lang).with(as("admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
            }
        }
        mvc.perform(get("/admin/people/{id}", person.getId()).param("lang", "en").with(as("admin")))
            .andExpect(content().string(Matchers.containsString("Study secretary")))
            .andExpect(content().string(Matchers.containsString("Must change the temporary password")));
        mvc.perform(get("/admin/people").param("q", "刘海燕").with(as("admin")))
            .andExpect(content().string(Matchers.containsString(username)));
    }
}
