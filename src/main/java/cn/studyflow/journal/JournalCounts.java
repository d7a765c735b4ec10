package cn.studyflow.journal;

import lombok.Getter;
import lombok.Setter;

/** How often an instance was sent back for revision and withdrawn, as the action log recorded it. */
@Getter
@Setter
public class JournalCounts {

    private String processInstanceId;
    private int returns;
    private int withdrawals;
}
