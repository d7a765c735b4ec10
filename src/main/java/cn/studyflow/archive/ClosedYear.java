package cn.studyflow.archive;

import java.time.OffsetDateTime;

/** A year closed now: by whom and when (the leader who approved its closing). */
public record ClosedYear(long orgId, int closedYear, long closingId, long closedBy, String closedByName,
                         OffsetDateTime closedAt) {
}
