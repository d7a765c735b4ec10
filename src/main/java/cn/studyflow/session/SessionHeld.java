package cn.studyflow.session;

/** Published (synchronously, in the transaction that records it) when the secretary marks a session held. */
public record SessionHeld(long sessionId) {
}
