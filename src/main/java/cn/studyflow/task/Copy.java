package cn.studyflow.task;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One person copied in (抄送) on one business object: the record of the copy and their read grant. */
@Getter
@Setter
public class Copy {

    private Long id;
    private String subjectType;
    private Long subjectId;
    private String processInstanceId;
    private String step;
    private String stepName;
    private String title;
    private Long personId;
    private Long copiedBy;
    private String copiedByName;
    private String comment;
    private OffsetDateTime createdAt;
    /** The object's page; filled in when listed, from the object's provider. */
    private String link;
}
