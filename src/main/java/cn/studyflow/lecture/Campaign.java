package cn.studyflow.lecture;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A selection campaign of one organisation for a year; its levels and criteria are read beside it. */
@Getter
@Setter
public class Campaign {

    private Long id;
    private Long orgId;
    private int studyYear;
    private String title;
    /** One category a line, e.g. 乡味党课. */
    private String categories;
    /** One key topic (点题) a line; may be empty. */
    private String topics;
    private Long createdBy;
    private OffsetDateTime createdAt;

    private String orgName;
    private String orgPath;

    public List<String> categoryList() {
        return lines(categories);
    }

    public List<String> topicList() {
        return lines(topics);
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
