package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpmnDiffTest {

    static String baseline() throws IOException {
        return Files.readString(Path.of("processes/plan-approval.bpmn"));
    }

    @Test
    void identicalDiagramsAndMovedShapesShowNoChange() throws IOException {
        String xml = baseline();
        String moved = xml.replace("<dc:Bounds x=\"510\" y=\"220\"", "<dc:Bounds x=\"530\" y=\"240\"");

        assertThat(BpmnDiff.compare(xml, xml)).isEmpty();
        assertThat(BpmnDiff.compare(xml, moved)).isEmpty();
    }

    @Test
    void changedCandidateGroupIsAnAttributeChangeOfItsTask() throws IOException {
        String xml = baseline();

        List<BpmnDiff.ElementChange> changes = BpmnDiff.compare(xml,
            xml.replace("org:${orgId}:publicity", "org:${orgId}:office"));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("reviewByPublicity");
            assertThat(c.name()).isEqualTo("宣传委员审核");
            assertThat(c.type()).isEqualTo("userTask");
            assertThat(c.change()).isEqualTo(BpmnDiff.Change.CHANGED);
            assertThat(c.shapeId()).isEqualTo("reviewByPublicity");
            assertThat(c.attributes()).containsExactly(new BpmnDiff.AttributeChange("camunda:candidateGroups",
                "org:${orgId}:publicity", "org:${orgId}:office"));
        });
    }

    @Test
    void changedConditionAndTimerAreShownOnTheirFlowAndEvent() throws IOException {
        String xml = baseline();
        String changed = xml.replace("${decision == 'approve'}</bpmn:conditionExpression>\n      </bpmn:sequenceFlow>\n"
                + "      <bpmn:sequenceFlow id=\"publicityReturned\"",
                "${decision != 'return'}</bpmn:conditionExpression>\n      </bpmn:sequenceFlow>\n"
                + "      <bpmn:sequenceFlow id=\"publicityReturned\"")
            .replace("${reminderAt}", "${deadline}");

        List<BpmnDiff.ElementChange> changes = BpmnDiff.compare(xml, changed);

        assertThat(changes).extracting(BpmnDiff.ElementChange::id)
            .containsExactlyInAnyOrder("publicityApproved", "deadlineReminderTimer");
        assertThat(changes).filteredOn(c -> c.id().equals("publicityApproved")).singleElement().satisfies(c ->
            assertThat(c.attributes()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("conditionExpression");
                assertThat(a.before()).contains("${decision == 'approve'}");
                assertThat(a.after()).contains("${decision != 'return'}");
            }));
        // a timer definition is not drawn itself: the change is coloured on its boundary event
        assertThat(changes).filteredOn(c -> c.id().equals("deadlineReminderTimer")).singleElement()
            .satisfies(c -> assertThat(c.shapeId()).isEqualTo("deadlineReminder"));
    }

    @Test
    void removedStepIsListedWithItsFlows() throws IOException {
        String withDeputy = Files.readString(Path.of("src/test/resources/bpmn/plan-approval-with-deputy.bpmn"));

        List<BpmnDiff.ElementChange> changes = BpmnDiff.compare(withDeputy, baseline());

        assertThat(changes).filteredOn(c -> c.change() == BpmnDiff.Change.REMOVED)
            .extracting(BpmnDiff.ElementChange::id)
            .containsExactlyInAnyOrder("reviewByDeputy", "toDeputyDecision", "deputyDecision_gw", "deputyApproved",
                "deputyReturned");
        assertThat(changes).filteredOn(c -> c.id().equals("plan-approval")).singleElement()
            .satisfies(c -> assertThat(c.attributes()).contains(
                new BpmnDiff.AttributeChange("camunda:versionTag", "1.1.0", "1.0.0")));
    }
}
