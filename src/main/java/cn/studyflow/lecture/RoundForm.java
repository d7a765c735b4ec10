package cn.studyflow.lecture;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** A round the organiser opens at their organisation's level: when entries close, when scoring closes, the judges. */
@Getter
@Setter
public class RoundForm {

    private Integer levelNo;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime entriesCloseAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime deadline;
    /** The judges' user names. */
    private List<String> judges = new ArrayList<>();

    /** The page's judges, one user name a line (or separated by commas or spaces). */
    public void setJudgesText(String text) {
        judges = text == null ? new ArrayList<>() : new ArrayList<>(List.of(text.strip().split("[\\s,，、]+")));
    }
}
