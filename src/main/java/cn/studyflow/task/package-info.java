/**
 * The tasklist, generic over every process: the one way a step runs ({@code StepRunner}), the registry of the
 * features' business objects ({@code SubjectRegistry}), listing, claiming and deciding on tasks, the approval
 * operations by use case, and the history timeline of business objects.
 */
package cn.studyflow.task;
