package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.workflow.ParseProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** StudyFlow's rules without the engine: the engine's parser is a stub that records what reaches it. */
class BpmnValidatorTest {

    static final Set<String> BEANS = Set.of("workflow", "dataSource", "tasklistService", "registerPlanDelegate",
        "planDeadlineReminderDelegate", "planDeadlineEscalationDelegate");
    static final Set<String> DELEGATES = Set.of("registerPlanDelegate", "planDeadlineReminderDelegate",
        "planDeadlineEscalationDelegate");
    static final Set<String> KEYS = Set.of("plan-approval", "supplementary-plan-approval");
    static final LimitsCheck.Limits LIMITS = new LimitsCheck.Limits(Duration.ofHours(1), 20, Set.of());

    final List<String> reachedEngine = new ArrayList<>();
    final BpmnValidator validator = new BpmnValidator(512 * 1024, LIMITS, BEANS::contains, DELEGATES::contains, KEYS::contains,
        (name, xml) -> {
            reachedEngine.add(name);
            return List.of();
        });

    static String baseline(String file) throws IOException {
        return Files.readString(Path.of("processes", file), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.studyflow.modeler.HostileCorpus#arguments")
    void hostileDiagramIsRefusedForItsReasonBeforeTheEngineSeesIt(HostileCorpus.Entry entry) {
        ValidationReport report = validator.validate(entry.xml(), "plan-approval");

        assertThat(report.isValid()).as(entry.file()).isEqualTo(entry.code().equals("modeler.rule.engine"));
        if (!entry.code().equals("modeler.rule.engine")) {
            assertThat(report.errors()).as(entry.file())
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(entry.code());
                    if (entry.elementId() != null) {
                        assertThat(p.elementId()).isEqualTo(entry.elementId());
                    }
                    if (entry.args() != null) {
                        assertThat(p.args()).isEqualTo(entry.args());
                    }
                });
            assertThat(reachedEngine).as("the engine's parser never sees " + entry.file()).isEmpty();
        }
    }

    @Test
    void baselineDiagramsPassAndReachTheEngineParser() throws IOException {
        assertThat(validator.validate(baseline("plan-approval.bpmn"), "plan-approval").problems()).isEmpty();
        assertThat(validator.validate(baseline("supplementary-plan-approval.bpmn"), "supplementary-plan-approval")
            .problems()).isEmpty();
        assertThat(reachedEngine).containsExactly("plan-approval.bpmn", "supplementary-plan-approval.bpmn");
    }

    @Test
    void engineErrorsComeWithTheirElement() throws IOException {
        BpmnValidator withEngineErrors = new BpmnValidator(512 * 1024, LIMITS, BEANS::contains, DELEGATES::contains,
            KEYS::contains, (name, xml) -> List.of(new ParseProblem("toRegisterPlan", "Invalid destination", 3, 4)));

        ValidationReport report = withEngineErrors.validate(baseline("plan-approval.bpmn"), "plan-approval");

        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("toRegisterPlan");
            assertThat(p.code()).isEqualTo("modeler.rule.engine");
            assertThat(p.args()).containsExactly("Invalid destination");
        });
    }

    @Test
    void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
        String xml = baseline("plan-approval.bpmn");
        BpmnValidator small = new BpmnValidator(xml.getBytes(StandardCharsets.UTF_8).length - 1, LIMITS, BEANS::contains,
            DELEGATES::contains, KEYS::contains, (name, x) -> {
                reachedEngine.add(name);
                return List.of();
            });

        ValidationReport report = small.validate(xml, "plan-approval");

        assertThat(report.errors()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("modeler.xml.tooLarge"));
        assertThat(reachedEngine).isEmpty();
    }

    @Test
    void emptyDiagramIsRefused() {
        assertThat(validator.validate("  ", "plan-approval").errors())
            .singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("modeler.xml.empty"));
    }

    @Test
    void generatedIdsAreOnlyAWarning() throws IOException {
        String xml = baseline("plan-approval.bpmn").replace("\"reviewByPublicity\"", "\"Activity_0abc123\"")
            .replace(">reviewByPublicity<", ">Activity_0abc123<");

        ValidationReport report = validator.validate(xml, "plan-approval");

        assertThat(report.isValid()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(BpmnProblem.Severity.WARNING);
            assertThat(p.code()).isEqualTo("modeler.rule.generatedId");
            assertThat(p.elementId()).isEqualTo("Activity_0abc123");
        });
    }

    @Test
    void aChangedCandidateGroupAndAnAddedDeputyStepPass() throws IOException {
        String xml = Files.readString(Path.of("src/test/resources/bpmn/plan-approval-with-deputy.bpmn"));

        assertThat(validator.validate(xml, "plan-approval").problems()).isEmpty();
    }
}
