package cn.studyflow.material;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.material.*}: files up to {@code maxFileSize}; a material must be cleared
 * {@code daysBeforeSession} days before its session, and whoever holds it is reminded {@code reminderDays}
 * before that.
 */
@ConfigurationProperties("studyflow.material")
public record MaterialProperties(@DefaultValue("20MB") DataSize maxFileSize,
                                 @DefaultValue("3") int daysBeforeSession,
                                 @DefaultValue("2") int reminderDays) {

    /** The end of the day {@code daysBeforeSession} days before the session. */
    public ZonedDateTime deadline(LocalDate sessionDay, ZoneId zone) {
        return sessionDay.minusDays(daysBeforeSession).atTime(LocalTime.of(23, 59, 59)).atZone(zone);
    }

    public ZonedDateTime reminderAt(ZonedDateTime deadline) {
        return deadline.minusDays(reminderDays);
    }

    public long maxFileMegabytes() {
        return maxFileSize.toMegabytes();
    }
}
