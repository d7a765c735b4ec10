package cn.studyflow.task;

import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.SignPosition;
import java.util.List;

/**
 * What one person may do on one task beyond approving or returning it, and the state that decides it: the task
 * page shows exactly these forms and the server checks the same rules again on every request.
 */
public record TaskOperations(
    boolean canDecide,
    boolean canUnclaim,
    SignerView asSigner,
    boolean delegatedToMe,
    String ownerName,
    String delegatedToName,
    List<SignerView> signers,
    boolean canTransfer,
    List<PersonChoice> transferTo,
    boolean canDelegate,
    List<PersonChoice> delegateTo,
    boolean canAddSigner,
    List<PersonChoice> signerChoices,
    List<SignPosition> positions,
    boolean canRemoveSigner,
    boolean canReturnTo,
    List<PassedStep> returnTargets,
    boolean canCopy,
    List<PersonChoice> copyTo,
    List<NextStep> nextSteps) {

    /** An added signer (加签): who, where, and who added them. */
    public record SignerView(String username, String displayName, SignPosition position, String addedByName) {
    }

    public boolean waitingForSigners() {
        return !signers.isEmpty();
    }

    public boolean isSignerTask() {
        return asSigner != null;
    }

    /** Whether any operation form is offered, so that the page can leave the whole panel out. */
    public boolean anyOperation() {
        return canTransfer || canDelegate || canAddSigner || canReturnTo || canCopy || delegatedToMe;
    }
}
