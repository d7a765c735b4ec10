package cn.studyflow.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The requests of issue 13 that each answered 500, each now refused or answered as a person would expect, with
 * the message in their language. {@link NoServerErrorTest} walks every route this way; this names the cases.
 */
class BadRequestsTest extends IntegrationTest {

    @Test
    void aPageNumberPastAnyEndShowsAnEmptyPageOnEveryList() throws Exception {
        for (String page : List.of("2147483647", "1073741824", "-2147483648")) {
            for (String path : List.of("/plans", "/materials", "/audits", "/notifications", "/copies", "/tasks")) {
                mvc.perform(get(path).param("page", page).with(as("bq_secretary"))).andExpect(status().isOk());
            }
            mvc.perform(get("/audits/draws").param("page", page).with(as("qz_dept"))).andExpect(status().isOk());
            mvc.perform(get("/status/instances").param("page", page).with(as("qz_manager"))).andExpect(status().isOk());
            for (String path : List.of("/api/plans", "/api/materials", "/api/tasks", "/api/copies")) {
                var answer = mvc.perform(get(path).param("page", page).param("size", "100").with(as("bq_secretary")))
                    .andExpect(status().isOk());
                if (!page.startsWith("-")) {
                    // a negative page is the first one
                    answer.andExpect(jsonPath("$.items").isEmpty());
                }
            }
            for (String path : List.of("/api/audits", "/api/audits/draws")) {
                mvc.perform(get(path).param("page", page).param("size", page).with(as("qz_dept")))
                    .andExpect(status().isOk());
            }
            mvc.perform(get("/api/status/instances").param("page", page).param("size", "-1").with(as("qz_manager")))
                .andExpect(status().isOk());
        }
    }

    @Test
    void aPageNumberTooLargeForAnIntIsABadRequest() throws Exception {
        mvc.perform(get("/plans").param("page", "99999999999999999999").with(as("bq_secretary")))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("参数“page”的值格式不正确")));
        mvc.perform(get("/api/plans").param("page", "99999999999999999999").with(as("bq_secretary")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("error.paramInvalid"))
            .andExpect(jsonPath("$.message").value("参数“page”的值格式不正确。"));
    }

    @Test
    void aMissingParameterIsNamed() throws Exception {
        mvc.perform(get("/api/sessions").param("from", "2027-01-01").with(as("bq_secretary")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("error.paramMissing"))
            .andExpect(jsonPath("$.message").value("请求缺少参数“to”。"));
        mvc.perform(get("/api/sessions").param("from", "2027-01-01").param("lang", "en").with(as("bq_secretary")))
            .andExpect(jsonPath("$.message").value("The request lacks the parameter \"to\"."));
    }

    @Test
    void aVersionBelowOneInTheModelersAddressesDoesNotExist() throws Exception {
        for (String version : List.of("0", "-1", "-2147483648")) {
            mvc.perform(get("/modeler/processes/{key}/versions/{v}/xml", PlanApprovalProcess.KEY, version).with(as("admin")))
                .andExpect(status().isNotFound());
            mvc.perform(get("/modeler/processes/{key}/edit", PlanApprovalProcess.KEY).param("version", version)
                    .with(as("admin")))
                .andExpect(status().isNotFound());
            mvc.perform(get("/api/modeler/processes/{key}/versions/{v}", PlanApprovalProcess.KEY, version).with(as("admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("error.notFound"));
        }
    }

    @Test
    void aJsonOperationCalledWithPlainTextIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/plans").contentType(MediaType.TEXT_PLAIN).content("x")
                .with(httpBasic("bq_secretary", PASSWORD)))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(jsonPath("$.code").value("error.unsupportedMediaType"))
            .andExpect(jsonPath("$.message").value(containsString("格式不受支持")));
    }

    @Test
    void aWrongMethodIsNotAllowedInTheUsersLanguage() throws Exception {
        mvc.perform(patch("/api/plans").with(httpBasic("bq_secretary", PASSWORD)).param("lang", "en"))
            .andExpect(status().isMethodNotAllowed())
            .andExpect(jsonPath("$.code").value("error.methodNotAllowed"));
        mvc.perform(patch("/plans").with(csrf()).with(as("bq_secretary")))
            .andExpect(status().isMethodNotAllowed())
            .andExpect(content().string(containsString("此地址不接受这种请求方式")));
    }

    @Test
    void anErrorInTheFormatTheCallerDoesNotAcceptIsStillJson() throws Exception {
        mvc.perform(get("/api/plans/0").accept(MediaType.APPLICATION_XML).with(httpBasic("bq_secretary", PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("error.notFound"));
    }

    @Test
    void theErrorPageAskedForDirectlyDoesNotExist() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound())
            .andExpect(content().string(containsString("您要找的内容不存在")));
        mvc.perform(get("/error").with(as("bq_member"))).andExpect(status().isNotFound());
        mvc.perform(post("/error").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aMultipartRequestWithoutItsPartsIsABadRequest() throws Exception {
        MockHttpServletRequestBuilder noBoundary = post("/api/materials").contentType("multipart/form-data")
            .content("--x\r\n").with(httpBasic("bq_member", PASSWORD));
        mvc.perform(noBoundary).andExpect(status().is4xxClientError());
    }

    @Test
    void aFileNameWithNulIsABadRequest() throws Exception {
        MockMultipartFile nul = new MockMultipartFile("file", "a\u0000b.pdf", "application/pdf",
            "%PDF-1.4\n%%EOF\n".getBytes());
        mvc.perform(multipart("/api/materials").file(nul).param("title", "发言").param("kind", "SPEECH")
                .with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isBadRequest());
    }

    @Test
    void aNulInAListOfIdsIsRefusedWithTheBadRequestMessage() throws Exception {
        // PostgreSQL refuses a NUL in a query parameter: before, a batch approval with one answered 500 there
        mvc.perform(post("/tasks/batch-approve").param("taskIds", "a\u0000b").param("comment", "同意")
                .with(as("bq_secretary")).with(csrf()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("请求内容有误")));
    }
}
