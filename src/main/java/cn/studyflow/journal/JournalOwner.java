package cn.studyflow.journal;

import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;

/** Whose a process instance is, as the feature's row that names it says: what the journal keeps for scope. */
@Getter
@Setter
public class JournalOwner {

    private String processInstanceId;
    private long orgId;
    private String title;
    /** The organisation that oversees the instance besides its own (an audit's dept); null for most. */
    private Long overseerOrgId;
    /** The day the instance becomes visible to its own organisation (a random audit's); null for most. */
    private LocalDate hiddenDay;
}
