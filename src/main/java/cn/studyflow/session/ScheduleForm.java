package cn.studyflow.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A session's day as the secretary gives it: date, hours, place, chair, lead speakers and guests of an enlarged
 * session; a reason when a scheduled day moves; the version read, so that a lost race is told; a title for a
 * session that no plan topic holds.
 */
public class ScheduleForm extends SessionHours {

    private Integer version;
    private String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private Long chairId;
    private List<Long> speakerIds = new ArrayList<>();
    private List<Long> guestIds = new ArrayList<>();
    private String reason;

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Long getChairId() { return chairId; }
    public void setChairId(Long chairId) { this.chairId = chairId; }
    public List<Long> getSpeakerIds() { return speakerIds; }
    public void setSpeakerIds(List<Long> speakerIds) { this.speakerIds = speakerIds == null ? new ArrayList<>() : speakerIds; }
    public List<Long> getGuestIds() { return guestIds; }
    public void setGuestIds(List<Long> guestIds) { this.guestIds = guestIds == null ? new ArrayList<>() : guestIds; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
