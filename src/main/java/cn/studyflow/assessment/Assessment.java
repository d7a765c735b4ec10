package cn.studyflow.assessment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** The recorded grade and comment of one organisation's year (row of {@code sf_assessment}); also one entry of its history. */
@Getter
@Setter
public class Assessment implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private long orgId;
    private int assessYear;
    private Grade grade;
    private String comment;
    /** The score when the grade was saved. */
    private BigDecimal score;
    private long gradedBy;
    private String gradedByName;
    private OffsetDateTime gradedAt;
    private int version;
}
