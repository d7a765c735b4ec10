package cn.studyflow.lecture;

import java.math.BigDecimal;
import lombok.Getter;
import lombok.Setter;

/** An entry in one round: its average and place once scoring closed, and whether it was sent up. */
@Getter
@Setter
public class RoundEntry {

    private Long roundId;
    private Long entryId;
    private Long campaignId;
    private int levelNo;
    private BigDecimal average;
    private Integer position;
    private boolean sentUp;

    private String title;
    private String category;
    private Long orgId;
    private String orgName;
    private Long lecturerId;
    private String lecturerName;
    private Long scriptMaterialId;
    private EntryStatus entryStatus;
}
