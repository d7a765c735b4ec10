package cn.studyflow.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Administration tests: calls of the administration API as a given person, with a session and its CSRF token. */
abstract class AdminFixture extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ObjectMapper json;

    /** A county of its own below the city, with a town and a department below it. */
    Org county() {
        Org city = orgService.personByUsername("admin") == null ? null
            : orgService.get(orgService.personByUsername("admin").getOrgId());
        return newOrg("测试县委", OrgKind.COUNTY, city);
    }

    ResultActions apiGet(String who, String path, Object... vars) throws Exception {
        return mvc.perform(get(path, vars).with(as(who)).accept(MediaType.APPLICATION_JSON));
    }

    ResultActions apiPost(String who, Object body, String path, Object... vars) throws Exception {
        return mvc.perform(post(path, vars).with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)).accept(MediaType.APPLICATION_JSON));
    }

    ResultActions apiPut(String who, Object body, String path, Object... vars) throws Exception {
        return mvc.perform(put(path, vars).with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)).accept(MediaType.APPLICATION_JSON));
    }

    JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
