package cn.studyflow.task;

import java.util.List;

/**
 * What the page of a business object shows about its running instance: the steps it is at and those still
 * ahead, and whether this person may urge (催办) or withdraw (撤回) it now.
 */
public record InstanceOperations(
    String processInstanceId,
    List<String> currentSteps,
    List<NextStep> nextSteps,
    boolean canUrge,
    String urgeAgainAt,
    boolean canWithdraw,
    String withdrawTo) {
}
