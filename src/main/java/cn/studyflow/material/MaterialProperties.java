package cn.studyflow.material;

import cn.studyflow.upload.UploadField;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.material.*}: files up to {@code maxFileSize}; a material must be cleared
 * {@code daysBeforeSession} days before its session starts (at the hour it starts), and whoever holds it is
 * reminded {@code reminderDays} before that.
 */
@ConfigurationProperties("studyflow.material")
public record MaterialProperties(@DefaultValue("20MB") DataSize maxFileSize,
                                 @DefaultValue("3") int daysBeforeSession,
                                 @DefaultValue("2") int reminderDays) {

    /** {@code daysBeforeSession} days before the session starts, at its starting hour. */
    public ZonedDateTime deadline(LocalDateTime sessionStartsAt, ZoneId zone) {
        return sessionStartsAt.minusDays(daysBeforeSession).atZone(zone);
    }

    public ZonedDateTime reminderAt(ZonedDateTime deadline) {
        return deadline.minusDays(reminderDays);
    }

    /** What the material file fields accept, as the page states it and the browser checks it. */
    public UploadField uploadField() {
        return UploadField.of(maxFileSize, FileType.values());
    }
}
