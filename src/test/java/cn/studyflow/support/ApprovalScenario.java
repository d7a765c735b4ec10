package cn.studyflow.support;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.SubjectRef;
import java.util.List;

/**
 * A process the approval operations are tested on: how to submit an item, who holds each step, and what the
 * domain looks like when an item is back with its submitter. The operation tests run once per scenario, so
 * testing them on another process means adding one implementation of this interface.
 */
public interface ApprovalScenario {

    /** Shown in the test name. */
    String name();

    /** Creates an item and submits it: its instance waits, unclaimed, at the first of {@link #reviewSteps()}. */
    Item submit();

    /** The submitter's step, where a return to the first step and a withdrawal lead. */
    String firstStep();

    /** The review steps in the order of the approve path. */
    List<String> reviewSteps();

    /** Someone who holds {@code step} (one of its candidate groups). */
    CurrentUser reviewer(String step);

    /** A step with a second holder, for transfers. */
    String stepWithTwoHolders();

    /** The second holder of {@link #stepWithTwoHolders()}. */
    CurrentUser otherHolder(String step);

    /** Someone of {@code step}'s organisation who does not hold it: for delegating to and adding as a signer. */
    CurrentUser colleague(String step);

    /** Someone of another organisation at the same level, who may not see the item. */
    CurrentUser outsider();

    /** Whether the item is back with its submitter in the domain (editable again). */
    boolean isBackWithSubmitter(Item item);

    /** The submitter submits the item again after it came back to {@link #firstStep()}. */
    void resubmit(Item item);

    /** An item in review: its instance, its business object and who submitted it. */
    record Item(String processInstanceId, SubjectRef subject, CurrentUser submitter) {
    }
}
