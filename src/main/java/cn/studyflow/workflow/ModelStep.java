package cn.studyflow.workflow;

import java.util.List;

/**
 * A user task of a deployed model, with its candidate groups, candidate users and assignee as the instance's
 * variables make them (simple {@code ${variable}} placeholders are filled in). An expression that cannot be
 * filled in that simply is left out and {@code unresolved} is true.
 */
public record ModelStep(String step, String name, List<String> candidateGroups, List<String> candidateUsers,
                        String assignee, boolean unresolved) {
}
