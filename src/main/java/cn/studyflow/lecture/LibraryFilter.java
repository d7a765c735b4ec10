package cn.studyflow.lecture;

import cn.studyflow.common.Like;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.Setter;

/** What the library is searched by; blank fields do not filter. {@code path} is the reader's organisation's. */
@Getter
@Setter
public class LibraryFilter {

    private String title;
    private String category;
    private String topic;
    private Integer level;
    private Integer year;
    /** The reader's organisation's path, set by the library, never by the request. */
    @Setter(AccessLevel.NONE)
    private String path;

    void readBy(String readerPath) {
        this.path = readerPath;
    }

    /** The title as a LIKE pattern, or null. */
    public String getTitlePattern() {
        return Like.containing(title);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
