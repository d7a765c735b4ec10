package cn.studyflow.audit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The random audit draw (随机巡听), free of storage and of where its randomness comes from: the same
 * {@link Input} with a generator in the same state gives the same {@link Result}, so that a stored draw can
 * be re-run and checked. Rules:
 * <ul>
 *   <li>sessions are drawn uniformly from the candidates;</li>
 *   <li>an auditor never audits their own organisation, nor an organisation above their own (a subordinate
 *       does not sit in judgement on their superior);</li>
 *   <li>auditors who audited the organisation last time come only after every other eligible auditor;</li>
 *   <li>an auditor is never booked on two audits at the same time: not one already booked then
 *       ({@link Input#bookings}), nor twice in the same draw ({@link Slot#clashes});</li>
 *   <li>asking for more auditors than an organisation with candidate sessions has eligible, or for more
 *       sessions than there are, is refused before anything is drawn, so a refusal never depends on luck.</li>
 * </ul>
 * The first auditor drawn for a session leads it.
 */
public class AuditDraw {

    /**
     * When an audit sits in: its day, and the session's hours when the session is held that day. Two slots
     * clash on the same day unless both have hours and the hours do not overlap.
     */
    public record Slot(LocalDate day, LocalTime start, LocalTime end) {

        public boolean clashes(Slot other) {
            if (other == null || day == null || !day.equals(other.day)) {
                return false;
            }
            if (start == null || end == null || other.start == null || other.end == null) {
                return true;
            }
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    /** An auditor already booked on an audit at {@code slot}. */
    public record Booking(long personId, Slot slot) {
    }

    /** A session that may be drawn, with the slot its audit would take (null: not known, no clash checked). */
    public record SessionCandidate(long id, long orgId, String orgPath, int year, int month, Slot slot) {

        public SessionCandidate(long id, long orgId, String orgPath, int year, int month) {
            this(id, orgId, orgPath, year, month, null);
        }
    }

    public record AuditorCandidate(long personId, long orgId, String orgPath) {
    }

    /**
     * What a draw is drawn from. {@code lastAuditors} maps an organisation to who audited it last time;
     * {@code excludedPersonIds} may not be drawn at all (those already asked, for a replacement);
     * {@code bookings} are the audits the auditors are already booked on (null in draws stored before them).
     */
    public record Input(long deptOrgId, LocalDate from, LocalDate to, List<Long> orgIds, int sessionCount,
                        int auditorsPerSession, List<SessionCandidate> sessions, List<AuditorCandidate> auditors,
                        Map<Long, List<Long>> lastAuditors, List<Long> excludedPersonIds, List<Booking> bookings) {

        public Input(long deptOrgId, LocalDate from, LocalDate to, List<Long> orgIds, int sessionCount,
                     int auditorsPerSession, List<SessionCandidate> sessions, List<AuditorCandidate> auditors,
                     Map<Long, List<Long>> lastAuditors, List<Long> excludedPersonIds) {
            this(deptOrgId, from, to, orgIds, sessionCount, auditorsPerSession, sessions, auditors, lastAuditors,
                excludedPersonIds, null);
        }
    }

    public record Pick(long sessionId, long orgId, List<Long> auditorIds) {
    }

    public record Result(List<Pick> picks) {
    }

    /** Fewer sessions to draw from than asked for. */
    public static class NotEnoughSessions extends RuntimeException {

        private final int requested;
        private final int available;

        NotEnoughSessions(int requested, int available) {
            super(requested + " sessions requested, " + available + " available");
            this.requested = requested;
            this.available = available;
        }

        public int requested() { return requested; }
        public int available() { return available; }
    }

    /** An organisation among the candidates has fewer eligible auditors than each session needs. */
    public static class NotEnoughAuditors extends RuntimeException {

        private final long orgId;
        private final int requested;
        private final int eligible;

        NotEnoughAuditors(long orgId, int requested, int eligible) {
            super(requested + " auditors requested for org " + orgId + ", " + eligible + " eligible");
            this.orgId = orgId;
            this.requested = requested;
            this.eligible = eligible;
        }

        public long orgId() { return orgId; }
        public int requested() { return requested; }
        public int eligible() { return eligible; }
    }

    public Result draw(Input input, RandomGenerator random) {
        if (input.sessionCount() < 1 || input.auditorsPerSession() < 1) {
            throw new IllegalArgumentException("sessionCount and auditorsPerSession must be positive");
        }
        List<SessionCandidate> sessions = new ArrayList<>(input.sessions());
        sessions.sort(Comparator.comparingLong(SessionCandidate::id));
        if (sessions.size() < input.sessionCount()) {
            throw new NotEnoughSessions(input.sessionCount(), sessions.size());
        }
        Set<Long> checked = new HashSet<>();
        for (SessionCandidate s : sessions) {
            if (checked.add(s.orgId())) {
                int eligible = eligible(input, s).size();
                if (eligible < input.auditorsPerSession()) {
                    throw new NotEnoughAuditors(s.orgId(), input.auditorsPerSession(), eligible);
                }
            }
        }
        shuffle(sessions, random);
        List<Pick> picks = new ArrayList<>();
        // who this draw has booked so far: two sessions drawn for the same time never share an auditor
        List<Booking> booked = new ArrayList<>();
        for (SessionCandidate s : sessions.subList(0, input.sessionCount())) {
            List<Long> auditors = pickAuditors(input, s, booked, input.auditorsPerSession(), random);
            auditors.forEach(id -> booked.add(new Booking(id, s.slot())));
            picks.add(new Pick(s.id(), s.orgId(), auditors));
        }
        return new Result(List.copyOf(picks));
    }

    /** The auditors who may audit this session, in a fixed order (by person id). */
    public static List<AuditorCandidate> eligible(Input input, SessionCandidate session) {
        return eligible(input, session, List.of());
    }

    private static List<AuditorCandidate> eligible(Input input, SessionCandidate session, List<Booking> drawn) {
        Set<Long> excluded = input.excludedPersonIds() == null ? Set.of() : new HashSet<>(input.excludedPersonIds());
        Set<Long> busy = new HashSet<>();
        for (List<Booking> bookings : List.of(input.bookings() == null ? List.<Booking>of() : input.bookings(), drawn)) {
            bookings.stream().filter(b -> b.slot() != null && b.slot().clashes(session.slot()))
                .forEach(b -> busy.add(b.personId()));
        }
        Set<Long> seen = new HashSet<>();
        return input.auditors().stream()
            .sorted(Comparator.comparingLong(AuditorCandidate::personId))
            .filter(a -> seen.add(a.personId()))
            .filter(a -> !excluded.contains(a.personId()))
            .filter(a -> !busy.contains(a.personId()))
            .filter(a -> !conflicts(a, session))
            .toList();
    }

    /** An auditor of the audited organisation, or of one below it, may not audit it. */
    public static boolean conflicts(AuditorCandidate auditor, SessionCandidate session) {
        return auditor.orgId() == session.orgId() || auditor.orgPath().startsWith(session.orgPath());
    }

    private static List<Long> pickAuditors(Input input, SessionCandidate session, List<Booking> drawn, int count,
                                           RandomGenerator random) {
        Set<Long> last = new LinkedHashSet<>(input.lastAuditors() == null
            ? List.of() : input.lastAuditors().getOrDefault(session.orgId(), List.of()));
        List<AuditorCandidate> eligible = eligible(input, session, drawn);
        if (eligible.size() < count) {
            // the others free at that time were drawn for another session of this draw at the same time
            throw new NotEnoughAuditors(session.orgId(), count, eligible.size());
        }
        List<Long> fresh = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        for (AuditorCandidate a : eligible) {
            (last.contains(a.personId()) ? again : fresh).add(a.personId());
        }
        shuffle(fresh, random);
        shuffle(again, random);
        List<Long> ordered = new ArrayList<>(fresh);
        ordered.addAll(again);
        return List.copyOf(ordered.subList(0, count));
    }

    /** Fisher–Yates, driven only by the given generator. */
    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
