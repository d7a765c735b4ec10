package cn.studyflow.session;

import java.time.OffsetDateTime;

/** A speaker drawn by random roll-call (随机点名), with who drew and the note kept. */
public class DrawnSpeaker {

    private long personId;
    private String displayName;
    private String drawnByName;
    private OffsetDateTime drawnAt;
    private String note;

    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getDrawnByName() { return drawnByName; }
    public void setDrawnByName(String drawnByName) { this.drawnByName = drawnByName; }
    public OffsetDateTime getDrawnAt() { return drawnAt; }
    public void setDrawnAt(OffsetDateTime drawnAt) { this.drawnAt = drawnAt; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
