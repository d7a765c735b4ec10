package cn.studyflow.status;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The labels of processes, steps, states and durations in the reader's language, for pages
 * ({@code ${@statusLabels.duration(ms)}}) and exports.
 */
@Component
@RequiredArgsConstructor
public class StatusLabels {

    private final MessageSource messages;
    private final Clock clock;

    /** A duration the way a person reads it: minutes under an hour, hours under two days, days above. */
    public String duration(Double ms) {
        if (ms == null) {
            return "—";
        }
        double minutes = ms / 60_000;
        if (minutes < 1) {
            return text("status.duration.underMinute");
        }
        if (minutes < 60) {
            return text("status.duration.minutes", Math.round(minutes));
        }
        if (minutes < 48 * 60) {
            return text("status.duration.hours", Math.round(minutes / 6) / 10.0);
        }
        return text("status.duration.days", Math.round(minutes / 144) / 10.0);
    }

    /** How long since {@code time}, as {@link #duration(Double)} says it. */
    public String since(OffsetDateTime time) {
        return time == null ? "—" : duration((double) Duration.between(time, OffsetDateTime.now(clock)).toMillis());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    String process(String key) {
        return messages.getMessage("process." + key, null, key, locale());
    }

    /** A step as its own process names it ({@code step.<process>.<step>} first, see task/StepNames). */
    String step(String processKey, String step, String name) {
        String fallback = messages.getMessage("step." + step, null, name == null ? step : name, locale());
        return processKey == null ? fallback : messages.getMessage("step." + processKey + "." + step, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
