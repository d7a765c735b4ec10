package cn.studyflow.common;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formats times for pages in the configured zone (Asia/Shanghai): {@code ${@dates.format(t)}}. */
@Component("dates")
@RequiredArgsConstructor
public class Dates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Value("${studyflow.zone}")
    private final ZoneId zone;

    public String format(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(MINUTES);
    }

    /** {@code HH:mm} when {@code time} falls on the day of {@code now}, else the day too. */
    public String since(OffsetDateTime time, OffsetDateTime now) {
        if (time == null || now == null) {
            return format(time);
        }
        boolean today = time.atZoneSameInstant(zone).toLocalDate().equals(now.atZoneSameInstant(zone).toLocalDate());
        return today ? time.atZoneSameInstant(zone).format(CLOCK) : format(time);
    }

    public String day(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DAYS);
    }
}
