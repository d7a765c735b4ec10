package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.support.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * What start-up leaves for later (springdoc's beans) is still there when asked for, describes the API as it would
 * have, and nothing else is deferred.
 */
class LazyLibraryBeansTest extends IntegrationTest {

    @Autowired ConfigurableListableBeanFactory factory;

    @Test
    void springdocIsBuiltOnItsFirstRequestAndStillDescribesTheApi() throws Exception {
        List<String> springdoc = Arrays.stream(factory.getBeanDefinitionNames())
            .filter(name -> origin(name).startsWith("org.springdoc."))
            .filter(name -> !LazyLibraryBeans.isConfiguration(factory.getBeanDefinition(name))).toList();
        assertThat(springdoc).isNotEmpty()
            .allSatisfy(name -> assertThat(factory.getBeanDefinition(name).isLazyInit()).as(name).isTrue());

        mvc.perform(get("/v3/api-docs").with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/tasks']").exists())
            // the signed-in person is no parameter of the API: springdoc's rule for @AuthenticationPrincipal,
            // set when its security configuration is first loaded, holds although its beans wait
            .andExpect(jsonPath("$.paths.*.*.parameters[?(@.name == 'user')]").isEmpty())
            .andExpect(jsonPath("$.components.schemas.CurrentUser").doesNotExist())
            .andExpect(jsonPath("$.paths['/api/lectures/entries'].post.requestBody.content['multipart/form-data']"
                + ".schema['$ref']").value("#/components/schemas/EntryForm"));
    }

    @Test
    void studyFlowsOwnBeansStayEager() {
        List<String> own = Arrays.stream(factory.getBeanDefinitionNames())
            .filter(name -> origin(name).startsWith("cn.studyflow.")).toList();
        assertThat(own).contains("processDeployer", "journalBackfill", "subjectRegistry")
            .allSatisfy(name -> assertThat(factory.getBeanDefinition(name).isLazyInit()).as(name).isFalse());
    }

    private String origin(String name) {
        String origin = LazyLibraryBeans.origin(factory.getBeanDefinition(name));
        return origin == null ? "" : origin;
    }
}
