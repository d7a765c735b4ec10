package cn.studyflow.journal;

import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The dates the journal copied from an instance when it started or a step began, moved when the business
 * object's own dates move (a material's deadline or a random audit's day follows its session), so that the
 * managers' views count and hide as the engine and the domain rows now say.
 */
@Service
@RequiredArgsConstructor
public class JournalDates {

    private final JournalMapper journal;

    /** The open steps of an instance are now due at {@code due} (null: none). */
    public void dueAt(String processInstanceId, OffsetDateTime due) {
        journal.dueOpenStages(processInstanceId, due);
    }

    /** The instance and its open steps stay hidden from the audited organisation until {@code until}. */
    public void hiddenUntil(String processInstanceId, OffsetDateTime until) {
        journal.hideInstanceUntil(processInstanceId, until);
        journal.hideOpenStagesUntil(processInstanceId, until);
    }
}
