package cn.studyflow.session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The sign-in and roll-call API: the whole run as the secretary and a member would do it, and each refusal. */
class SignInApiTest extends TwoMemberSessionTest {

    @Autowired ObjectMapper json;

    @Test
    void theSecretaryOpensAMemberSignsInTheSecretaryDrawsAndNotesAndAnyoneInScopeChecksTheDraw() throws Exception {
        call(town.secretary(), post(base() + "/open"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.phase").value("OPEN")).andExpect(jsonPath("$.expected").value(2));
        String code = json.readTree(call(town.secretary(), get(base() + "/code"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.secondsLeft").isNumber())
            .andReturn().getResponse().getContentAsString()).get("code").asText();

        basic(town.member(0), post(base()), Map.of("code", code))
            .andExpect(status().isOk()).andExpect(jsonPath("$.attendance").value("PRESENT"));
        call(town.member(1), post("/api/signin"), Map.of("code", code))
            .andExpect(status().isOk()).andExpect(jsonPath("$.sessionId").value(session));
        long callId = json.readTree(call(town.secretary(), post("/api/sessions/" + session + "/roll-calls"), null)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        call(town.secretary(), put("/api/sessions/" + session + "/roll-calls/" + callId + "/note"), Map.of("note", "谈了体会"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.note").value("谈了体会"));

        call(user("qz_manager"), get("/api/sessions/" + session + "/roll-calls/" + callId + "/verification"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.matches").value(true));
        call(user("qz_manager"), get(base() + "/sheet"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
            .andExpect(jsonPath("$[*].name", hasItem(town.member(0).getDisplayName())));
        call(town.member(0), get("/api/sessions/" + session + "/roll-calls"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$[0].note").value("谈了体会"));
        call(town.secretary(), post(base() + "/close"), null).andExpect(status().isOk()).andExpect(jsonPath("$.phase").value("CLOSED"));
    }

    @Test
    void outsideTheScopeEverythingIsNotFound() throws Exception {
        CurrentUser outsider = user("wfz_secretary");
        for (MockHttpServletRequestBuilder r : new MockHttpServletRequestBuilder[] {
            get(base()), get(base() + "/sheet"), post(base() + "/open"), post(base() + "/close"), get(base() + "/code"),
            get("/api/sessions/" + session + "/roll-calls"), post("/api/sessions/" + session + "/roll-calls"),
            get("/api/sessions/999999999/signin")}) {
            call(outsider, r, null).andExpect(status().isNotFound());
        }
        call(outsider, post(base()), Map.of("code", "123456")).andExpect(status().isNotFound());
        call(outsider, post(base() + "/marks"), Map.of("personId", town.member(0).getPersonId(), "attendance", "PRESENT",
            "reason", "x")).andExpect(status().isNotFound());
    }

    @Test
    void aMemberAndASuperiorReadButMayNotRunSignIn() throws Exception {
        for (CurrentUser reader : new CurrentUser[] {town.member(0), user("qz_dept")}) {
            call(reader, get(base()), null).andExpect(status().isOk());
            call(reader, post(base() + "/open"), null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("error.forbidden"));
        }
        call(town.secretary(), post(base() + "/open"), null).andExpect(status().isOk());
        for (CurrentUser reader : new CurrentUser[] {town.member(0), user("qz_dept")}) {
            call(reader, get(base() + "/code"), null).andExpect(status().isForbidden());
            call(reader, post(base() + "/close"), null).andExpect(status().isForbidden());
            call(reader, post("/api/sessions/" + session + "/roll-calls"), null).andExpect(status().isForbidden());
            call(reader, post(base() + "/marks"), Map.of("personId", town.member(1).getPersonId(), "attendance", "PRESENT",
                "reason", "来了")).andExpect(status().isForbidden());
        }
        call(user("qz_dept"), post(base()), Map.of("code", code(town, session)))
            .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("你不在这次学习会的参会名单上"));
        call(town.secretary(), get(base() + "/sheet"), null)
            .andExpect(jsonPath("$[*].attendance", hasItem("EXPECTED")));
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() throws Exception {
        call(town.member(0), post(base()), Map.of("code", "123456"))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value("签到尚未开启"));
        call(town.secretary(), post(base() + "/open"), null).andExpect(status().isOk());
        call(town.member(0), post(base()), Map.of("code", "abc"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("签到码不正确或已过期")));
        call(town.member(0), post(base()).param("lang", "en"), Map.of("code", "abc"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("Wrong or expired code")));
        call(town.member(0), post(base()), null).andExpect(status().isBadRequest());
        call(town.member(0), post(base()).contentType(MediaType.APPLICATION_JSON).content("{\"code\":"), null)
            .andExpect(status().isBadRequest());
        call(town.secretary(), post(base() + "/marks"), Map.of("personId", town.member(0).getPersonId(), "attendance", "SOON",
            "reason", "x")).andExpect(status().isBadRequest());
        call(town.secretary(), post(base() + "/marks"), Map.of("personId", town.member(0).getPersonId(), "attendance", "LATE"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请填写补签原因（不超过 500 字）"));
        call(town.secretary(), post("/api/sessions/" + session + "/roll-calls"), null)
            .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value("还没有人签到，无法点名"));
        call(town.secretary(), put("/api/sessions/" + session + "/roll-calls/1/note"), Map.of("note", "x"))
            .andExpect(status().isNotFound());
        call(town.secretary(), get(base() + "/sheet"), null)
            .andExpect(jsonPath("$[*].attendance", everyItem(is("EXPECTED"))));
    }

    @Test
    void theOpenApiDocumentListsSignInAndRollCall() throws Exception {
        call(user("admin"), get("/v3/api-docs"), null).andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/signin/open'].post.summary", containsString("Open sign-in")))
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/signin'].post").exists())
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/signin/code'].get").exists())
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/signin/marks'].post").exists())
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/roll-calls'].post").exists())
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/roll-calls/{callId}/verification'].get").exists())
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/roll-calls/{callId}/note'].put").exists());
    }

    private String base() {
        return "/api/sessions/" + session + "/signin";
    }

    /** A call in the person's page session (with the CSRF token a page would send). */
    private ResultActions call(CurrentUser who, MockHttpServletRequestBuilder request, Object body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request.with(as(who.getUsername())).with(csrf()));
    }

    /** A call as a script makes it, with HTTP Basic and no CSRF token. */
    private ResultActions basic(CurrentUser who, MockHttpServletRequestBuilder request, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
            .encodeToString((who.getUsername() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        return mvc.perform(request);
    }
}
