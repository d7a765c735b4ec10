package cn.studyflow.session;

import lombok.Getter;
import lombok.Setter;

/**
 * A roster entry with the person's name and organisation (a guest's is not the session's), and the name of whoever
 * marked it, for the session's page.
 */
@Getter
@Setter
public class RosterLine extends RosterEntry {

    private String displayName;
    private long orgId;
    private String orgName;
    private String markedByName;
}
