package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;

/** The checks every lecture form makes on its text. */
final class LectureInput {

    private LectureInput() {
    }

    /** The text stripped; {@code key} when it is blank or longer than {@code max}. */
    static String text(String value, int max, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw BusinessException.invalid(key, max);
        }
        return value.strip();
    }

    /** Like {@link #text}, but blank is allowed and gives null. */
    static String optional(String value, int max, String key) {
        return value == null || value.isBlank() ? null : text(value, max, key);
    }
}
