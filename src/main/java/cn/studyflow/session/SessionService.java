package cn.studyflow.session;

import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.common.Batches;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Scope;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
public class SessionService {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String HELD = "HELD";
    public static final String CANCELLED = "CANCELLED";
    /** The hour a session with a day but no start time is taken to start. */
    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);

    private final StudySessionMapper sessions;
    private final Scope scope;
    private final ClosedYears closedYears;

    /** A session of {@code orgId} to schedule for an approved plan topic; {@link #scheduleAll} writes it. */
    public static StudySession planned(long orgId, long planId, int topicKey, int year, int month, String title,
                                       String format, String speaker, boolean enlarged, String participants) {
        StudySession s = new StudySession();
        s.setOrgId(orgId);
        s.setPlanId(planId);
        s.setTopicKey(topicKey);
        s.setSessionYear(year);
        s.setSessionMonth(month);
        s.setTitle(title);
        s.setFormat(format);
        s.setSpeaker(speaker);
        s.setEnlarged(enlarged);
        s.setParticipants(participants);
        s.setStatus(SCHEDULED);
        return s;
    }

    /** Schedules the sessions of an approved plan, in one statement. */
    public void scheduleAll(List<StudySession> planned) {
        if (planned.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        planned.forEach(s -> s.setCreatedAt(now));
        sessions.insertAll(planned);
    }

    /**
     * When a session starts: its day at its start time, or at {@code DEFAULT_START} while only the day is set;
     * empty while the session has no day (deadlines that count from it say so instead of inventing one).
     */
    public Optional<LocalDateTime> startsAt(long sessionId) {
        StudySession s = sessions.selectById(sessionId);
        if (s == null || s.getSessionDate() == null) {
            return Optional.empty();
        }
        return Optional.of(s.getSessionDate().atTime(s.getStartTime() == null ? DEFAULT_START : s.getStartTime()));
    }

    public Optional<StudySession> byId(long sessionId) {
        return Optional.ofNullable(sessions.selectById(sessionId));
    }

    /**
     * The sessions of these ids by id, read in one statement a thousand ids (for the lists of other packages, which
     * show a session's title and day beside their rows); an id of no session is missing from the map.
     */
    public Map<Long, StudySession> byIds(Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, StudySession> byId = new HashMap<>();
        Batches.read(distinct, sessions::selectByIds).forEach(s -> byId.put(s.getId(), s));
        return byId;
    }

    /**
     * The sessions still scheduled of these organisations from month {@code from} to {@code to}, by month, then by
     * the organisation's place in the tree (its path), then in the order they were made.
     */
    public List<StudySession> scheduledIn(Collection<Long> orgIds, YearMonth from, YearMonth to) {
        return orgIds.isEmpty() ? List.of() : sessions.selectScheduledIn(orgIds, month(from), month(to));
    }

    private static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** A session's title for a message, empty when there is no such session. */
    public String title(long sessionId) {
        return byId(sessionId).map(StudySession::getTitle).orElse("");
    }

    /** Adds their sessions' titles to rows about people at sessions, each session read once. */
    public <T extends SessionPersonRow> List<T> withTitles(List<T> rows) {
        Map<Long, String> titles = new HashMap<>();
        rows.forEach(r -> r.setSessionTitle(titles.computeIfAbsent(r.getSessionId(), this::title)));
        return rows;
    }

    public List<StudySession> ofPlan(long planId) {
        return sessions.selectByPlan(planId);
    }

    /** 409 when the year of this session is closed (org/ClosedYears); nothing when it is open or unknown. */
    public void requireOpen(long sessionId) {
        StudySession s = sessions.selectById(sessionId);
        if (s != null) {
            closedYears.requireOpen(s.getOrgId(), s.getSessionYear());
        }
    }

    /** The sessions of one organisation's year, for its archive. */
    public List<StudySession> ofOrgYear(long orgId, int year) {
        return sessions.selectByOrgs(List.of(orgId), year);
    }

    /** The sessions of one organisation from a year on, by year, month, day and id (for choosing one). */
    public List<StudySession> ofOrgFrom(long orgId, int fromYear) {
        return sessions.selectByOrgFrom(orgId, fromYear);
    }

    /**
     * The ids of the sessions that a period of the assessment counts in its scope: planned (not cancelled, proposed
     * or refused), of its year and, for a quarter, dated in it; for the indicators of what belongs to sessions.
     */
    public List<Long> countedIn(StudyPeriod period) {
        return sessions.selectPeriodIds(period);
    }

    /** The sessions this person may see in a year. */
    public List<StudySession> visible(CurrentUser user, Integer year) {
        List<Long> orgIds = scope.visibleOrgs(user).stream().map(Org::getId).toList();
        return sessions.selectByOrgs(orgIds, year);
    }
}
