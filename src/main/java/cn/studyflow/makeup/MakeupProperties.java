package cn.studyflow.makeup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.makeup.*}: a make-up is due {@code days} after its session was marked held, the member is
 * reminded {@code reminderDays} before that, the notes take {@code minNotes} to {@code maxNotes} characters and
 * the optional file at most {@code maxFileSize}.
 */
@ConfigurationProperties("studyflow.makeup")
public record MakeupProperties(@DefaultValue("15") int days, @DefaultValue("3") int reminderDays,
                               @DefaultValue("300") int minNotes, @DefaultValue("10000") int maxNotes,
                               @DefaultValue("20MB") DataSize maxFileSize) {

    /** When a make-up of a session held at {@code heldAt} is due. */
    public Instant dueAt(Instant heldAt) {
        return heldAt.plus(days, ChronoUnit.DAYS);
    }

    /** When the member is reminded: {@code reminderDays} before the due date, and never before now. */
    public Instant remindAt(Instant dueAt, Instant now) {
        Instant at = dueAt.minus(reminderDays, ChronoUnit.DAYS);
        return at.isBefore(now) ? now : at;
    }
}
