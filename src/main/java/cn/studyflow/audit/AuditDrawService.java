package cn.studyflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Runs {@link AuditDraw} on what the database holds and stores every draw with its inputs, seed and result,
 * so that anyone who may see the draw can re-run it and check it ({@link #verify}).
 */
@Service
@RequiredArgsConstructor
public class AuditDrawService {

    /** Draws are recorded in the action log under this subject type, by draw id. */
    public static final String SUBJECT_TYPE = "AUDIT_DRAW";

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final ObjectMapper json;
    private final AuditSeeds seeds;
    private final Clock clock;
    private final AuditDraw draw = new AuditDraw();

    /** A stored draw and what it drew. */
    public record Drawn(StoredDraw stored, AuditDraw.Result result) {
    }

    /** The outcome of re-running a stored draw from its stored inputs and seed. */
    public record Verification(boolean matches, AuditDraw.Result stored, AuditDraw.Result rerun) {
    }

    /**
     * Draws sessions of the given organisations held between {@code from} and {@code to} (by month) and
     * auditors for each from the dept's active pool. Throws {@link AuditDraw.NotEnoughSessions} or
     * {@link AuditDraw.NotEnoughAuditors} before storing anything when the draw cannot be made.
     */
    Drawn drawSessions(long deptOrgId, Long createdBy, LocalDate from, LocalDate to, List<Long> orgIds,
                       int sessionCount, int auditorsPerSession) {
        // each session with the day its audit would sit in on, so that nobody is drawn for two at the same time
        List<AuditDraw.SessionCandidate> sessions = auditSessions.open(orgIds, YearMonth.from(from), YearMonth.from(to))
            .stream().map(s -> s.candidate(AuditPlanning.randomDay(s, from, to))).toList();
        AuditDraw.Input input = new AuditDraw.Input(deptOrgId, from, to, List.copyOf(orgIds), sessionCount,
            auditorsPerSession, sessions, pool(deptOrgId), lastAuditors(orgIds), List.of(), bookings(from, to));
        return run(input, StoredDraw.Kind.SESSIONS, null, createdBy);
    }

    /**
     * Draws one auditor for an audit in place of one who declined, never one already asked. Empty when the
     * pool holds nobody eligible any more; nothing is stored then.
     */
    Optional<Drawn> drawReplacement(Audit audit, SessionOption session, List<Long> alreadyAsked) {
        AuditDraw.SessionCandidate candidate = session.candidate(audit.getSessionDate());
        AuditDraw.Input input = new AuditDraw.Input(audit.getDeptOrgId(), audit.getSessionDate(), audit.getSessionDate(),
            List.of(audit.getOrgId()), 1, 1, List.of(candidate), pool(audit.getDeptOrgId()),
            lastAuditors(List.of(audit.getOrgId())), List.copyOf(alreadyAsked),
            bookings(audit.getSessionDate(), audit.getSessionDate()));
        if (AuditDraw.eligible(input, candidate).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run(input, StoredDraw.Kind.REPLACEMENT, audit.getId(), null));
    }

    public Verification verify(StoredDraw stored) {
        AuditDraw.Result rerun = draw.draw(inputOf(stored), new Random(stored.getSeed()));
        AuditDraw.Result recorded = resultOf(stored);
        return new Verification(rerun.equals(recorded), recorded, rerun);
    }

    public AuditDraw.Input inputOf(StoredDraw stored) {
        return read(stored.getInputsJson(), AuditDraw.Input.class);
    }

    public AuditDraw.Result resultOf(StoredDraw stored) {
        return read(stored.getResultJson(), AuditDraw.Result.class);
    }

    /** The dept's active auditors as the draw sees them. */
    List<AuditDraw.AuditorCandidate> pool(long deptOrgId) {
        return audits.selectActiveAuditors(deptOrgId).stream()
            .map(m -> new AuditDraw.AuditorCandidate(m.getPersonId(), m.getPersonOrgId(), m.getPersonOrgPath()))
            .toList();
    }

    /** Who is already booked on an audit between these days, as the draw sees it. */
    List<AuditDraw.Booking> bookings(LocalDate from, LocalDate to) {
        return auditSessions.bookings(from, to).stream().map(AuditMapper.Booked::booking).toList();
    }

    Map<Long, List<Long>> lastAuditors(List<Long> orgIds) {
        Map<Long, List<Long>> last = new TreeMap<>();
        if (orgIds.isEmpty()) {
            return last;
        }
        for (AuditMapper.LastAuditor row : audits.selectLastAuditors(orgIds)) {
            last.computeIfAbsent(row.getOrgId(), k -> new ArrayList<>()).add(row.getPersonId());
        }
        return last;
    }

    private Drawn run(AuditDraw.Input input, StoredDraw.Kind kind, Long auditId, Long createdBy) {
        long seed = seeds.next();
        AuditDraw.Result result = draw.draw(input, new Random(seed));
        StoredDraw stored = new StoredDraw();
        stored.setDeptOrgId(input.deptOrgId());
        stored.setKind(kind);
        stored.setSeed(seed);
        stored.setInputsJson(write(input));
        stored.setResultJson(write(result));
        stored.setAuditId(auditId);
        stored.setCreatedBy(createdBy);
        stored.setCreatedAt(OffsetDateTime.now(clock));
        audits.insertDraw(stored);
        return new Drawn(stored, result);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write draw as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored draw is not readable", e);
        }
    }
}
