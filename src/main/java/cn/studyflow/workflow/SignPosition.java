package cn.studyflow.workflow;

/**
 * Where an added signer (加签) signs: {@link #BEFORE} the holder of the step decides (前加签), or
 * {@link #AFTER} the holder has approved, before the process moves on (后加签).
 */
public enum SignPosition {
    BEFORE, AFTER
}
