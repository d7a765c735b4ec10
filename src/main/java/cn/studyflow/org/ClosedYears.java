package cn.studyflow.org;

/**
 * Whether an organisation's study year is closed on record (学习档案 closed with the leader's approval): once
 * closed, nothing of that organisation in that year may change until the year is reopened. The archive keeps
 * the closings; every feature that writes dated work asks here before it writes.
 */
public interface ClosedYears {

    boolean isClosed(long orgId, int year);

    /** Refuses (409, in the user's language) a change to work of a closed year. */
    void requireOpen(long orgId, int year);

    /** Published in the transaction that closes a year, after the leader's approval. */
    record Closed(long orgId, int year, long byPersonId) {
    }

    /** Published in the transaction that reopens a closed year; the reason is recorded. */
    record Reopened(long orgId, int year, long byPersonId, String reason) {
    }
}
