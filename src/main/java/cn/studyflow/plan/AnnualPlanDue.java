package cn.studyflow.plan;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The annual plan a secretary has not started yet, for the home page: the plan of the year whose deadline
 * ({@code studyflow.plan.deadline}, 31 January) comes next, with the days left. Once the plan exists its own
 * task carries the deadline, and the tasklist shows that instead.
 */
@Service
@RequiredArgsConstructor
public class AnnualPlanDue {

    private final PlanMapper plans;
    private final PlanProperties properties;
    private final Clock clock;

    /** The annual plan the secretary's organisation still has to make, or empty (not a secretary, or made). */
    public Optional<Due> of(CurrentUser user) {
        if (user == null || !user.has(Role.SECRETARY)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        int year = today.isAfter(properties.deadlineOf(today.getYear())) ? today.getYear() + 1 : today.getYear();
        if (year > properties.maxYear() || plans.countAnnual(user.getOrgId() + "-" + year) > 0) {
            return Optional.empty();
        }
        LocalDate deadline = properties.deadlineOf(year);
        return Optional.of(new Due(year, deadline, ChronoUnit.DAYS.between(today, deadline)));
    }

    /** The year of the plan not yet made, its deadline and the whole days left until it. */
    public record Due(int year, LocalDate deadline, long daysLeft) implements Serializable {
    }
}
