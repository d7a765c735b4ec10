package cn.studyflow.audit;

/** How an audit came about; labels are {@code audit.mode.*}. */
public enum AuditMode {
    /** 固定巡听: planned by the dept for a chosen session. */
    FIXED,
    /** 随机巡听: session and auditors drawn; hidden from the audited organisation until the session day. */
    RANDOM,
    /** 应邀巡听: requested by the audited organisation's secretary, approved by the dept. */
    INVITED
}
