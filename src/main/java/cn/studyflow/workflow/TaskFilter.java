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

    public enum Sort { CREATED, DUE }
}
