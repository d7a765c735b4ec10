package cn.studyflow.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The API description at /v3/api-docs says what a client sends: not the signed-in person as a parameter, and an
 * uploaded file as a binary string. Both broke while springdoc's beans were made lazy at start-up (springdoc marks
 * its configurations {@code @Lazy(false)}: its static rules and its model converters must exist from the start).
 */
class ApiDescriptionTest extends IntegrationTest {

    @Test
    void theSignedInPersonIsNoParameterAndAnUploadIsABinaryString() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/tasks']").exists())
            .andExpect(jsonPath("$.paths.*.*.parameters[?(@.name == 'user')]").isEmpty())
            .andExpect(jsonPath("$.components.schemas.CurrentUser").doesNotExist())
            .andExpect(jsonPath("$.paths['/api/lectures/entries'].post.requestBody.content['multipart/form-data']"
                + ".schema['$ref']").value("#/components/schemas/EntryForm"))
            .andExpect(jsonPath("$.paths['/api/sessions/{id}/files'].post.requestBody.content['multipart/form-data']"
                + ".schema.properties.file.format").value("binary"))
            .andExpect(jsonPath("$.components.schemas.MultipartFile").doesNotExist());
    }
}
