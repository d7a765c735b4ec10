package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The calendar of sessions: a month of one organisation, or of a subtree for its superiors (read-only); each day
 * shows its first sessions and how many it holds, so that a city's month stays one page.
 */
@Service
@RequiredArgsConstructor
public class SessionCalendar {

    /** Sessions listed in one day's cell; the rest are counted. */
    public static final int PER_DAY = 4;
    /** The longest range one calendar request covers (a month grid spans at most 42 days). */
    public static final int MAX_DAYS = 62;

    private final SessionAccess access;
    private final ScheduleMapper schedule;

    /** The month grid, Monday first, with the days of the weeks around the month. */
    public Month month(CurrentUser user, Long orgId, YearMonth month) {
        SessionAccess.Shown shown = access.shown(user, orgId);
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Map<LocalDate, Day> days = days(shown, first, last);
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
                weeks.add(new ArrayList<>());
            }
            weeks.get(weeks.size() - 1).add(days.get(d));
        }
        return new Month(shown, month, weeks);
    }

    /** The days from {@code from} to {@code to} that hold sessions, for the API; at most {@value #MAX_DAYS} days. */
    public List<Day> range(CurrentUser user, Long orgId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return days(access.shown(user, orgId), from, to).values().stream().filter(d -> d.count() > 0).toList();
    }

    /** Every session between two days (the list view and the .ics export); at most a year. */
    public List<StudySession> sessions(CurrentUser user, Long orgId, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw BusinessException.invalid("session.error.range", 366);
        }
        SessionAccess.Shown shown = access.shown(user, orgId);
        return schedule.selectRange(shown.orgId(), shown.pathPattern(), from, to);
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw BusinessException.invalid("session.error.range", MAX_DAYS);
        }
    }

    private Map<LocalDate, Day> days(SessionAccess.Shown shown, LocalDate from, LocalDate to) {
        Map<LocalDate, List<CalendarEntry>> byDay = new LinkedHashMap<>();
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
            counts.put(d, 0);
        }
        for (CalendarEntry e : schedule.selectCalendar(shown.orgId(), shown.pathPattern(), from, to, PER_DAY)) {
            byDay.get(e.getSessionDate()).add(e);
            counts.put(e.getSessionDate(), e.getDayCount());
        }
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        byDay.forEach((d, entries) -> days.put(d, new Day(d, counts.get(d), entries)));
        return days;
    }

    /** One day of a calendar: its sessions as far as shown, and how many it holds. */
    public record Day(LocalDate date, int count, List<CalendarEntry> sessions) {

        public int more() {
            return count - sessions.size();
        }
    }

    /** A month grid: whose sessions, which month, weeks of seven days. */
    public record Month(SessionAccess.Shown shown, YearMonth month, List<List<Day>> weeks) {

        public YearMonth previous() {
            return month.minusMonths(1);
        }

        public YearMonth next() {
            return month.plusMonths(1);
        }
    }
}
