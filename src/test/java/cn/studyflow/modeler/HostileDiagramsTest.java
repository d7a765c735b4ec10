package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.workflow.Deployments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hostile corpus against the real engine and the real allowlists: every file is refused with its reason
 * when an administrator tries to deploy it, and no deployment reaches the engine.
 */
class HostileDiagramsTest extends IntegrationTest {

    @Autowired ModelerService modeler;
    @Autowired BpmnValidator validator;
    @Autowired Deployments deployments;
    @Autowired DelegateCatalog delegates;
    @Autowired MessageSource messages;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.studyflow.modeler.HostileCorpus#arguments")
    void hostileDiagramIsRefusedWithItsReasonAndNothingIsDeployed(HostileCorpus.Entry entry) {
        CurrentUser admin = user("admin");
        long before = deployments.deploymentCount();

        assertThatThrownBy(() -> modeler.deploy(admin, "plan-approval", entry.xml(), "试一试", null))
            .isInstanceOfSatisfying(BpmnRejectedException.class, e -> assertThat(e.report().errors())
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(entry.code());
                    if (entry.elementId() != null) {
                        assertThat(p.elementId()).isEqualTo(entry.elementId());
                    }
                    if (entry.args() != null) {
                        assertThat(p.args()).isEqualTo(entry.args());
                    }
                    // the reason reads in Chinese
                    String text = messages.getMessage(p.code(), p.args().toArray(), Locale.SIMPLIFIED_CHINESE);
                    assertThat(text).isNotEqualTo(p.code()).containsPattern("\\p{IsHan}");
                }));
        assertThat(deployments.deploymentCount()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsDeployed() throws IOException {
        String xml = baseline("plan-approval.bpmn");
        String padded = xml.replace("</bpmn:definitions>", "<!-- " + "x".repeat(600 * 1024) + " -->\n</bpmn:definitions>");
        long before = deployments.deploymentCount();

        assertThatThrownBy(() -> modeler.deploy(user("admin"), "plan-approval", padded, "太大", null))
            .isInstanceOfSatisfying(BpmnRejectedException.class, e -> assertThat(e.report().errors())
                .extracting(BpmnProblem::code).containsExactly("modeler.xml.tooLarge"));
        assertThat(deployments.deploymentCount()).isEqualTo(before);
    }

    @Test
    void everyShippedProcessPassesTheValidatorAndTheEngineParser() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            String xml = read(file);
            String key = file.getFilename().replace(".bpmn", "");
            assertThat(validator.validate(xml, key).problems()).as(file.getFilename()).isEmpty();
        }
    }

    @Test
    void theEngineParserReportsWhatStudyFlowsRulesCannotSee() {
        String broken = HostileCorpus.entries().filter(e -> e.file().equals("engine-invalid-flow.bpmn")).findFirst()
            .orElseThrow().xml();

        ValidationReport report = validator.validate(broken, "plan-approval");

        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("modeler.rule.engine");
            assertThat(p.elementId()).isEqualTo("decision");
            assertThat(p.args().get(0)).contains("toEnd");
        });
    }

    @Test
    void everythingTheAllowlistAdmitsPassesTheEngineParserToo() throws IOException {
        String host = Files.readString(Path.of("src/test/resources/bpmn/allowlist-host.bpmn"));

        assertThat(deployments.parse("plan-approval.bpmn", host)).isEmpty();
    }

    @Test
    void everyRegisteredDelegateIsDescribedInBothLanguages() {
        assertThat(delegates.names()).contains("registerPlanDelegate", "planDeadlineReminderDelegate",
            "planDeadlineEscalationDelegate");
        for (String name : delegates.names()) {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                assertThat(messages.getMessage("delegate." + name, null, null, locale))
                    .as("delegate." + name + " in modeler bundle (" + locale + ")").isNotBlank();
            }
        }
    }

    private static String baseline(String name) throws IOException {
        return read(new PathMatchingResourcePatternResolver().getResource("classpath:processes/" + name));
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
