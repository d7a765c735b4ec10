package cn.studyflow.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import lombok.Getter;
import lombok.Setter;

/**
 * A session's day as the secretary gives it: date, hours, place, chair, lead speakers and guests of an enlarged
 * session; a reason when a scheduled day moves; the version read, so that a lost race is told; a title for a
 * session that no plan topic holds.
 */
@Getter
@Setter
public class ScheduleForm extends SessionHours {

    private Integer version;
    private String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private Long chairId;
    private List<Long> speakerIds = new ArrayList<>();
    private List<Long> guestIds = new ArrayList<>();
    private String reason;

    public void setSpeakerIds(List<Long> speakerIds) { this.speakerIds = speakerIds == null ? new ArrayList<>() : speakerIds; }
    public void setGuestIds(List<Long> guestIds) { this.guestIds = guestIds == null ? new ArrayList<>() : guestIds; }
}
