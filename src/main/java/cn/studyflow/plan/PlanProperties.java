package cn.studyflow.plan;

import java.time.LocalDate;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studyflow.plan.*}: an annual plan is due by {@code deadline} (a month-day such as {@code --01-31})
 * of its year; the secretary is reminded {@code reminderDays} before.
 */
@ConfigurationProperties("studyflow.plan")
public record PlanProperties(String deadline, int reminderDays) {

    public LocalDate deadlineOf(int year) {
        return MonthDay.parse(deadline).atYear(year);
    }
}
