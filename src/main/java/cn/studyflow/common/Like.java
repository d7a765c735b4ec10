package cn.studyflow.common;

/** Text searches in SQL: a LIKE pattern for "contains", with LIKE's own wildcards escaped ({@code ESCAPE '\'}). */
public final class Like {

    private Like() {
    }

    /** {@code %text%} with the text trimmed and {@code \ % _} escaped, or null for a blank search. */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
