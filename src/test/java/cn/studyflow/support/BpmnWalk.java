package cn.studyflow.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.studyflow.task.Decision;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Steps through a process under test with the generic decision form's variables, as reviewers do. */
public final class BpmnWalk {

    private BpmnWalk() {
    }

    /** Decides the instance's one open task. */
    public static void decide(ProcessInstance instance, Decision decision) {
        complete(task(instance), withVariables(Decision.VARIABLE, decision.value()));
    }

    /**
     * Approves each of {@code reviews} from the one now open until {@code step} (which is left open), or to the
     * end when it is null.
     */
    public static void approveUntil(ProcessInstance instance, String step, List<String> reviews) {
        for (String review : reviews.subList(reviews.indexOf(task(instance).getTaskDefinitionKey()), reviews.size())) {
            assertThat(instance).isWaitingAt(review);
            if (review.equals(step)) {
                return;
            }
            decide(instance, Decision.APPROVE);
        }
    }
}
