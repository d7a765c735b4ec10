package cn.studyflow.assessment;

import java.io.Serializable;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A bulletin (学习通报) of an organisation's subtree for a year or one quarter (row of {@code sf_bulletin}). */
@Getter
@Setter
public class Bulletin implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Status { DRAFT, PUBLISHED }

    private Long id;
    private long orgId;
    private String orgName;
    private int bulletinYear;
    /** 1 to 4, null for the whole year. */
    private Integer quarter;
    private String title;
    private String body;
    private Status status;
    private long createdBy;
    private String createdByName;
    private OffsetDateTime createdAt;
    private long updatedBy;
    private String updatedByName;
    private OffsetDateTime updatedAt;
    private Long publishedBy;
    private String publishedByName;
    private OffsetDateTime publishedAt;
    private int version;

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }
}
