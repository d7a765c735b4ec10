package cn.studyflow.makeup;

import cn.studyflow.common.BusinessException;
import java.io.Serializable;

/** What a member writes for a make-up: the study notes (心得). */
public class MakeupForm implements Serializable {

    private String notes;

    public MakeupForm() {
    }

    public MakeupForm(String notes) {
        this.notes = notes;
    }

    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }

    /** The notes as stored: stripped. */
    String cleanNotes() {
        return notes == null ? "" : notes.strip();
    }

    /** At least {@code min} and at most {@code max} characters, counted as a reader counts them. */
    void validate(int min, int max) {
        int length = cleanNotes().codePointCount(0, cleanNotes().length());
        if (length < min) {
            throw BusinessException.invalid("makeup.error.notesTooShort", min, length);
        }
        if (length > max) {
            throw BusinessException.invalid("makeup.error.notesTooLong", max);
        }
    }
}
