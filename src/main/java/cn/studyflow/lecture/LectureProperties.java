package cn.studyflow.lecture;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.lecture.*}: the largest slides and video an entry takes (a video streams to disk; the entry
 * endpoints take both sizes together whatever {@code spring.servlet.multipart} says, see {@link LectureFiles}), and
 * how long before a round's scoring deadline the judges who have not finished are reminded.
 */
@ConfigurationProperties("studyflow.lecture")
public record LectureProperties(@DefaultValue("20MB") DataSize maxSlidesSize,
                                @DefaultValue("500MB") DataSize maxVideoSize,
                                @DefaultValue("P1D") Duration remindBefore) {

    /** When unfinished judges are reminded: {@code remindBefore} the deadline, and never before now. */
    public Instant remindAt(Instant deadline, Instant now) {
        Instant at = deadline.minus(remindBefore);
        return at.isBefore(now) ? now : at;
    }
}
