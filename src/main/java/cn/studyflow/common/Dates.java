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

    @Value("${studyflow.zone}")
    private final ZoneId zone;

    public String format(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(MINUTES);
    }

    public String day(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DAYS);
    }
}
