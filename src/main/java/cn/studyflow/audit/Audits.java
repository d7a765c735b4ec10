package cn.studyflow.audit;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;

/** What every audit use case says the same way: its subject reference, its page, and free text within a limit. */
final class Audits {

    static final int MAX_NOTE = 1000;
    static final int MAX_REPORT = 4000;
    static final int MAX_TITLE = 300;
    /** The years an audit may be planned in, as plans, assessments and calendars accept them. */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private Audits() {
    }

    static SubjectRef ref(Audit audit) {
        return AuditSitInProcess.SUBJECT.ref(audit.getId());
    }

    static String link(Audit audit) {
        return AuditSitInProcess.SUBJECT.link(audit.getId());
    }

    /** The year, when an audit may be planned in it; a year outside them is refused. */
    static int plannable(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw BusinessException.invalid("audit.error.year", MIN_YEAR, MAX_YEAR);
        }
        return year;
    }

    /** The text trimmed, null when blank; longer than {@code max} is refused. */
    static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw BusinessException.invalid("audit.error.tooLong", max);
        }
        return trimmed;
    }
}
