package cn.studyflow.admin;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One administrative change: who, when, what, on which object, with the values before and after. */
@Getter
@Setter
public class TrailEntry {

    private Long id;
    private Long actorId;
    private String actorName;
    private String action;
    private String objectType;
    private Long objectId;
    private String objectName;
    private String orgPath;
    private String beforeValue;
    private String afterValue;
    private OffsetDateTime createdAt;
}
