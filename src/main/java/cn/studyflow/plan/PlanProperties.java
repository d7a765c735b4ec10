package cn.studyflow.plan;

import java.time.LocalDate;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studyflow.plan.*}: an annual plan is due by {@code deadline} (a month-day such as {@code --01-31})
 * of its year; the secretary is reminded {@code reminderDays} before. Plans may be made for the years
 * {@code minYear} to {@code maxYear}.
 */
@ConfigurationProperties("studyflow.plan")
public record PlanProperties(String deadline, int reminderDays, int minYear, int maxYear) {

    public LocalDate deadlineOf(int year) {
        return MonthDay.parse(deadline).atYear(year);
    }
}
