package cn.studyflow.session;

/** A roster entry with the person's name, and the name of whoever marked it, for the session's page. */
public class RosterLine extends RosterEntry {

    private String displayName;
    private String markedByName;

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getMarkedByName() { return markedByName; }
    public void setMarkedByName(String markedByName) { this.markedByName = markedByName; }
}
