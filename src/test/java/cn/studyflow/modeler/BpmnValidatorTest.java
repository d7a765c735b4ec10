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
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "R/PT1H                      | ",
        "R5/2026-01-01T00:00/P1D     | ",
        "R/P1M                       | ",
        "0 0 9 * * ?                 | ",
        "0 0 9 ? * MON-FRI 2027      | ",
        "R/PT59M                     | modeler.limit.cycle",
        "R3/PT10M/2026-01-01T00:00   | modeler.limit.cycle",
        "0 0/30 * * * ?              | modeler.limit.cycle",
        "0 0 8,9 * * ?               | ",
        "0 59 8 * * ?                | ",
        "0 0,30 9 * * ?              | modeler.limit.cycle",
        "R/xyz                       | modeler.limit.cycleInvalid",
        "every hour                  | modeler.limit.cycleInvalid",
        "${reminderCycle}            | modeler.limit.cycleExpression"
    })
    void cycleTimersAreRefusedBelowTheMinimumOrWhenTheirFrequencyCannotBeKnown(String cycle, String code)
            throws IOException {
        String xml = baseline("plan-approval.bpmn").replace(
            "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${reminderAt}</bpmn:timeDate>",
            "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">" + cycle.strip() + "</bpmn:timeCycle>");

        ValidationReport report = validator.validate(xml, "plan-approval");

        if (code == null) {
            assertThat(report.problems()).isEmpty();
        } else {
            assertThat(report.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(code);
                assertThat(p.elementId()).isEqualTo("deadlineReminder");
            });
        }
    }

    @Test
    void aMultiInstanceCollectionIsAVariableNameAndNothingMore() throws IOException {
        String audit = baseline("audit-sit-in.bpmn");
        BpmnValidator forAudits = new BpmnValidator(512 * 1024, LIMITS, BEANS::contains, name -> true,
            Set.of("audit-sit-in")::contains, (name, xml) -> List.of());

        assertThat(forAudits.validate(audit.replace("camunda:collection=\"auditors\" camunda:elementVariable=\"auditor\"/>",
            "camunda:collection=\"${auditors}\" camunda:elementVariable=\"auditor\"/>"), "audit-sit-in").problems()).isEmpty();
        assertThat(forAudits.validate(audit.replace("camunda:collection=\"auditors\" camunda:elementVariable=\"auditor\"/>",
            "camunda:collection=\"${auditors + 1}\" camunda:elementVariable=\"auditor\"/>"), "audit-sit-in").errors())
            .extracting(BpmnProblem::code).containsOnly("modeler.limit.collection");
    }

    @Test
    void aFileNestedDeeperThanAnyDiagramIsRefusedWithoutRunningOutOfStack() {
        String deep = "<bpmn:definitions xmlns:bpmn=\"" + BpmnAllowlist.BPMN + "\" id=\"d\">"
            + "<bpmn:x>".repeat(20_000) + "</bpmn:x>".repeat(20_000) + "</bpmn:definitions>";

        assertThat(validator.validate(deep, "plan-approval").errors()).singleElement()
            .satisfies(p -> assertThat(p.code()).isEqualTo("modeler.xml.tooDeep"));
    }

    @Test
    void aChainOfThousandsOfStepsIsCheckedWithoutRunningOutOfStack() throws IOException {
        StringBuilder chain = new StringBuilder("<bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"f0\" sourceRef=\"s\" targetRef=\"t0\"/>");
        int steps = 5_000;
        for (int i = 0; i < steps; i++) {
            chain.append("<bpmn:task id=\"t").append(i).append("\"/><bpmn:sequenceFlow id=\"f").append(i + 1)
                .append("\" sourceRef=\"t").append(i).append("\" targetRef=\"").append(i + 1 < steps ? "t" + (i + 1) : "t0")
                .append("\"/>");
        }
        String xml = baseline("supplementary-plan-approval.bpmn").replaceFirst("(?s)<bpmn:startEvent.*</bpmn:process>",
            java.util.regex.Matcher.quoteReplacement(chain + "</bpmn:process>"));

        ValidationReport report = validator.validate(xml, "supplementary-plan-approval");

        assertThat(report.errors()).extracting(BpmnProblem::code).contains("modeler.graph.loop", "modeler.graph.deadEnd");
        assertThat(report.errors()).filteredOn(p -> p.code().equals("modeler.graph.loop")).hasSize(1);
    }
}
