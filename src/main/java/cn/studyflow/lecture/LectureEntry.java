package cn.studyflow.lecture;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A Party lecture entered in a campaign, with the record of the lecture given at home (本级实讲). */
@Getter
@Setter
public class LectureEntry {

    private Long id;
    private Long campaignId;
    private Long orgId;
    private Long lecturerId;
    private Long enteredBy;
    private Nomination nomination;
    private String title;
    private String category;
    private String topic;
    /** The 党课讲稿 in the material review; it must have passed before the entry goes up. */
    private Long scriptMaterialId;
    private LocalDate homeDate;
    private String homeAudience;
    private String slidesFile;
    private String slidesName;
    private LectureFileType slidesType;
    private String videoFile;
    private String videoName;
    private LectureFileType videoType;
    private EntryStatus status;
    /** The highest level whose round sent it up or named it; null until then. */
    private Integer selectedLevel;
    private boolean awarded;
    private OffsetDateTime createdAt;

    private String lecturerName;
    private String orgName;
    private String campaignTitle;
    private Integer studyYear;
}
