package cn.studyflow.material;

import cn.studyflow.common.BusinessException;
import lombok.Getter;
import lombok.Setter;

/**
 * What the author writes about a material: on upload all of it, on a revised version the fields that
 * change (null keeps the old value) and a note on what was revised.
 */
@Getter
@Setter
public class MaterialForm {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_NOTE = 2000;

    private Long sessionId;
    private MaterialKind kind;
    private String title;
    private String summary;
    private String note;
    /** The material version the form was loaded from, so that a stale form is refused. */
    private Integer version;

    /** Checks a new material; the first problem is refused with its message. */
    void validateNew() {
        if (sessionId == null) {
            throw BusinessException.invalid("material.error.session");
        }
        if (kind == null) {
            throw BusinessException.invalid("material.error.kind");
        }
        if (title == null || title.isBlank()) {
            throw BusinessException.invalid("material.error.titleRequired");
        }
        validateLengths();
    }

    /** Checks a revision: the title may be left out, but not emptied. */
    void validateRevision() {
        if (title != null && title.isBlank()) {
            throw BusinessException.invalid("material.error.titleRequired");
        }
        validateLengths();
    }

    private void validateLengths() {
        if (title != null && title.strip().length() > MAX_TITLE) {
            throw BusinessException.invalid("material.error.tooLong");
        }
        if (summary != null && summary.strip().length() > MAX_SUMMARY) {
            throw BusinessException.invalid("material.error.tooLong");
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw BusinessException.invalid("material.error.tooLong");
        }
    }

    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
