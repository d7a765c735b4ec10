package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Scope;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The follow-up (跟踪): per organisation the reader may see and per month, the lectures entered, the lectures given
 * at home (本级实讲) and the rounds opened; counted from the entries and rounds, never typed.
 */
@Service
@RequiredArgsConstructor
public class LectureProgress {

    private final LectureMapper mapper;
    private final Scope scope;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    /** One organisation's figures in a period. */
    public record Row(long orgId, String orgName, int entries, int given, int rounds) {

        Row plus(Row o) {
            return new Row(orgId, orgName, entries + o.entries, given + o.given, rounds + o.rounds);
        }
    }

    /** The figures of one month, an organisation a row: the reader's own first, then those with anything to count. */
    public record Month(YearMonth month, List<Row> rows) {
    }

    public Month month(CurrentUser user, int year, int month) {
        check(year, month, 12);
        return months(user, YearMonth.of(year, month), 1).get(0);
    }

    /** The three months of a quarter, then the quarter's totals as a fourth {@link Month} of the quarter's first. */
    public List<Month> quarter(CurrentUser user, int year, int quarter) {
        check(year, quarter, 4);
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        List<Month> months = new ArrayList<>(months(user, first, 3));
        Map<Long, Row> totals = new LinkedHashMap<>();
        months.forEach(m -> m.rows().forEach(r -> totals.merge(r.orgId(), r, Row::plus)));
        months.add(new Month(first, List.copyOf(totals.values())));
        return months;
    }

    /** A year the forms offer and a month (or quarter) from 1 to {@code max}. */
    private static void check(int year, int n, int max) {
        if (year < 2000 || year > 2100 || n < 1 || n > max) {
            throw BusinessException.invalid("lecture.error.period");
        }
    }

    private List<Month> months(CurrentUser user, YearMonth first, int count) {
        List<Org> visible = scope.visibleOrgs(user);
        YearMonth end = first.plusMonths(count);
        OffsetDateTime from = first.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = end.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        String path = user.getOrg().getPath();
        List<ProgressFact> entries = mapper.selectEntryFacts(path, from, to, first.atDay(1), end.atDay(1));
        List<ProgressFact> rounds = mapper.selectRoundFacts(path, from, to);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = first; m.isBefore(end); m = m.plusMonths(1)) {
            List<Row> rows = new ArrayList<>();
            for (Org o : visible) {
                Row r = new Row(o.getId(), o.getName(), count(entries, o, m, f -> day(f.getHappenedAt())),
                    count(entries, o, m, ProgressFact::getHomeDay), count(rounds, o, m, f -> day(f.getHappenedAt())));
                if (o.getId() == user.getOrgId() || r.entries() + r.given() + r.rounds() > 0) {
                    rows.add(r);
                }
            }
            months.add(new Month(m, rows));
        }
        return months;
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }

    private static int count(List<ProgressFact> facts, Org org, YearMonth month, Function<ProgressFact, LocalDate> day) {
        return (int) facts.stream().filter(f -> f.getOrgId().longValue() == org.getId())
            .map(day).filter(d -> d != null && YearMonth.from(d).equals(month)).count();
    }
}
