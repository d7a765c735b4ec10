package cn.studyflow.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.session.*} for what follows a session: attendance below {@code attendanceThreshold} is marked on
 * the dashboard; with {@code leaveExcused} a person on approved leave is left out of what was expected of them
 * (otherwise leave counts as absence); a session still scheduled {@code reminderDays} after its day reminds the
 * secretary, checked every {@code reminderInterval}; photos and sign-in sheets up to {@code maxFileSize}.
 */
@ConfigurationProperties("studyflow.session")
public record SessionRecordProperties(@DefaultValue("0.8") double attendanceThreshold,
                                @DefaultValue("true") boolean leaveExcused,
                                @DefaultValue("3") int reminderDays,
                                @DefaultValue("PT1H") Duration reminderInterval,
                                @DefaultValue("20MB") DataSize maxFileSize) {

    public boolean isBelow(double rate) {
        return rate < attendanceThreshold;
    }
}
