package cn.studyflow.workflow;

import java.util.List;

/**
 * What a tasklist page asks for: the tasks assigned to {@code username} ({@link View#MINE}), the unclaimed
 * tasks of {@code groups} ({@link View#GROUP}), or both ({@link View#ALL}), narrowed by the other fields.
 */
public record TaskFilter(
    String username,
    List<String> groups,
    View view,
    String processKey,
    Long orgId,
    String title,
    Sort sort,
    boolean ascending) {

    public enum View { MINE, GROUP, ALL }

    /** Every task of the view, unfiltered, in the order given. */
    public static TaskFilter of(String username, List<String> groups, View view, Sort sort, boolean ascending) {
        return new TaskFilter(username, groups, view, null, null, null, sort, ascending);
    }

    public enum Sort { CREATED, DUE }
}
