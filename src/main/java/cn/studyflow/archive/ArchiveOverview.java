package cn.studyflow.archive;

import cn.studyflow.archive.ArchiveSource.ArchivePart;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An organisation's year as its archive page and the API show it: what each part holds, the year's state
 * ({@code OPEN}, {@code REQUESTED}, {@code RETURNED}, {@code CLOSED}, {@code REOPENED}) with who and when, the
 * requests so far, and what the reader may do.
 */
public record ArchiveOverview(long orgId, String orgName, int year, String state, String stateBy,
                              OffsetDateTime stateAt, String stateNote, List<Count> parts, int total,
                              List<YearClosing> closings, boolean mayRequestClosing, boolean mayReopen) {

    /** One part: its message key and how many items it holds. */
    public record Count(String titleKey, int count) {
    }

    static ArchiveOverview of(ArchiveYear archive, List<YearClosing> history, boolean requester, boolean reopener) {
        List<Count> parts = archive.parts().stream().map(p -> new Count(p.titleKey(), p.count())).toList();
        int total = parts.stream().mapToInt(Count::count).sum();
        YearClosing last = history.isEmpty() ? null : history.get(0);
        String state = "OPEN";
        String by = null;
        OffsetDateTime at = null;
        String note = null;
        if (archive.closed() != null) {
            state = "CLOSED";
            by = archive.closed().closedByName();
            at = archive.closed().closedAt();
        } else if (last != null) {
            state = last.getStatus().name();
            switch (last.getStatus()) {
                case REQUESTED -> {
                    by = last.getRequesterName();
                    at = last.getRequestedAt();
                    note = last.getRequestNote();
                }
                case RETURNED -> {
                    by = last.getDeciderName();
                    at = last.getDecidedAt();
                    note = last.getDecisionComment();
                }
                case REOPENED -> {
                    by = last.getReopenerName();
                    at = last.getReopenedAt();
                    note = last.getReopenReason();
                }
                default -> state = "OPEN";
            }
        }
        boolean closed = archive.closed() != null;
        boolean waiting = "REQUESTED".equals(state);
        return new ArchiveOverview(archive.orgId(), archive.orgName(), archive.year(), state, by, at, note, parts,
            total, history, requester && !closed && !waiting && total > 0, reopener && closed);
    }

    /** Whether there is anything to download. */
    public boolean hasContent() {
        return total > 0;
    }
}
