package cn.studyflow.journal;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Counts returns and withdrawals on an instance's journal row, which the managers' figures read. */
@Service
@RequiredArgsConstructor
public class InstanceCounters {

    private final JournalMapper journal;

    /** Adds to the counters in the caller's transaction; an instance outside the journal is left alone. */
    public void count(String processInstanceId, int returns, int withdrawals) {
        journal.countOnInstance(processInstanceId, returns, withdrawals);
    }
}
