package cn.studyflow.assessment;

/**
 * What an organisation's study is assessed by; each is a share, achieved over expected, counted by the feature
 * that owns the figures. Labels are {@code assessment.indicator.*}; weights {@code studyflow.assessment.weights.*}.
 */
public enum Indicator {
    /** Sessions held against sessions planned (session). */
    SESSIONS_HELD,
    /** Present or late against expected at held sessions (session). */
    ATTENDANCE,
    /** Materials cleared by their deadline before the session, against those due (material). */
    MATERIALS_CLEARED,
    /** People on leave or absent at a held session who made it up (session's roster). */
    MAKEUPS_DONE,
    /** Audit scores: the points the auditors gave against the most they could give (audit). */
    AUDIT_SCORE,
    /** Rectifications accepted by their deadline against those due (audit). */
    RECTIFICATIONS_ON_TIME,
    /** Members who reached their credit target (credits). */
    MEMBERS_ON_TARGET
}
