package cn.studyflow.credits;

import cn.studyflow.common.SubjectRef;
import java.time.LocalDate;

/**
 * One thing that happened to a person, as its feature tells it. {@code detail} says how: the attendance at a held
 * session (PRESENT, LATE, LEAVE, ABSENT, EXPECTED), the part led (CHAIR, SPEAKER), the material's kind, the
 * make-up's status. {@code minutes} is the length of the session attended or made up (0 when unknown).
 */
public record CreditFact(long personId, LocalDate day, Kind kind, String detail, SubjectRef subject, String title,
                         String link, int minutes) {

    /** The message key of the detail: the attendance, the part, the material's kind, the make-up's status. */
    public String detailKey() {
        return detailKey(kind, detail);
    }

    public static String detailKey(Kind kind, String detail) {
        return switch (kind) {
            case ATTENDANCE -> "session.attendance." + detail;
            case LEAD -> "session.part." + detail;
            case MATERIAL -> "material.kind." + detail;
            case MAKEUP -> "makeup.status." + detail;
            case PARTY_LECTURE -> "credits.kind.PARTY_LECTURE";
        };
    }

    public enum Kind {
        /** On the roster of a held session, however they attended. */
        ATTENDANCE,
        /** Chaired a held session or spoke at it (领学, 主讲, 发言). */
        LEAD,
        /** A study material of theirs approved (signed off and archived). */
        MATERIAL,
        /** A make-up study of theirs, in whatever state. */
        MAKEUP,
        /** A Party lecture given (党课); its source comes with issue 21. */
        PARTY_LECTURE
    }
}
