package cn.studyflow.audit;

/** The verdict of an audit record; labels are {@code audit.verdict.*}. */
public enum Verdict {
    PASS, RECTIFY
}
