package cn.studyflow.lecture;

import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** A lecture entered in a round of the first level; the files come beside it. */
@Getter
@Setter
public class EntryForm {

    private Long roundId;
    private Nomination nomination = Nomination.SELF;
    /** For a recommendation: the lecturer's user name, a person of the recommending organisation. */
    private String lecturer;
    private String title;
    private String category;
    private String topic;
    /** The 党课讲稿 in the material review, by its id; may follow later, before the entry goes up. */
    private Long scriptMaterialId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate homeDate;
    private String homeAudience;
}
