package cn.studyflow.workflow;

import java.util.List;
import org.camunda.bpm.engine.runtime.ActivityInstance;

/** Searches the engine's tree of an instance's activity instances. */
final class ActivityInstances {

    private ActivityInstances() {
    }

    /** The activity instance of {@code activityId} that runs on {@code executionId}, or null. */
    static ActivityInstance find(ActivityInstance node, String activityId, String executionId) {
        if (node == null) {
            return null;
        }
        if (activityId.equals(node.getActivityId()) && List.of(node.getExecutionIds()).contains(executionId)) {
            return node;
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            ActivityInstance found = find(child, activityId, executionId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
