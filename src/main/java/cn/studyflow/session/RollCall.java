package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.ActionLog;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Random roll-call (随机点名): the secretary draws a speaker from those present or late. As the audit draw does,
 * a {@link Random} is seeded from a secure source and the seed is stored with the pool drawn from (ids in
 * ascending order), so anyone who may read the session can re-run the draw and check it. Whoever was drawn at
 * this session already, or at the organisation's last {@code studyflow.session.roll-call-rest} sessions, is left
 * out, unless nobody else is present.
 */
@Service
@RequiredArgsConstructor
public class RollCall {

    private static final int MAX_NOTE = 500;

    private final SignInMapper signIns;
    private final SignInAccess access;
    private final SignInProperties properties;
    private final ActionLog actions;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    /** The outcome of re-running a stored draw from its seed and pool. */
    public record Verification(long callId, boolean matches, long drawn, long rerun) implements Serializable {
    }

    public List<SessionCall> calls(CurrentUser user, long sessionId) {
        access.readable(user, sessionId);
        return signIns.selectCalls(sessionId);
    }

    @Transactional
    public SessionCall draw(CurrentUser user, long sessionId) {
        StudySession s = access.open(access.runnable(user, sessionId));
        if (!SessionService.SCHEDULED.equals(s.getStatus())) {
            throw BusinessException.conflict("rollcall.notRunning");
        }
        List<Long> here = signIns.selectSheet(sessionId).stream().filter(SignInRow::isHere)
            .map(SignInRow::getPersonId).sorted().toList();
        if (here.isEmpty()) {
            throw BusinessException.conflict("rollcall.nobodyHere");
        }
        Set<Long> drawnHere = new HashSet<>(signIns.selectCalls(sessionId).stream().map(SessionCall::getPersonId).toList());
        List<Long> candidates = here.stream().filter(id -> !drawnHere.contains(id)).toList();
        if (candidates.isEmpty()) {
            throw BusinessException.conflict("rollcall.allDrawn");
        }
        LocalDate day = s.getSessionDate() == null ? LocalDate.now(clock) : s.getSessionDate();
        Set<Long> rested = new HashSet<>(properties.rollCallRest() < 1 ? List.of()
            : signIns.selectRecentSpeakers(s.getOrgId(), sessionId, day, properties.rollCallRest()));
        List<Long> fresh = candidates.stream().filter(id -> !rested.contains(id)).toList();
        List<Long> pool = fresh.isEmpty() ? candidates : fresh;

        SessionCall call = new SessionCall();
        call.setSessionId(sessionId);
        call.setSeed(seeds.nextLong());
        call.setPool(SessionCall.poolOf(pool));
        call.setPersonId(pick(pool, call.getSeed()));
        call.setDrawnBy(user.getPersonId());
        call.setDrawnAt(OffsetDateTime.now(clock));
        signIns.insertCall(call);
        SessionCall stored = signIns.selectCall(sessionId, call.getId());
        actions.record(new SubjectRef(SignInService.SUBJECT, sessionId), null, null, "ROLL_CALL", user, null,
            stored.getPersonName());
        return stored;
    }

    /** Re-runs a stored draw; anyone who may read the session may check it. */
    public Verification verify(CurrentUser user, long sessionId, long callId) {
        access.readable(user, sessionId);
        SessionCall call = call(sessionId, callId);
        long rerun = pick(call.poolIds(), call.getSeed());
        return new Verification(callId, rerun == call.getPersonId(), call.getPersonId(), rerun);
    }

    /** Records what the drawn speaker said, in a short note. */
    @Transactional
    public SessionCall note(CurrentUser user, long sessionId, long callId, String note) {
        StudySession s = access.open(access.runnable(user, sessionId));
        if (SessionService.CANCELLED.equals(s.getStatus())) {
            throw BusinessException.conflict("signin.cancelled");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw BusinessException.invalid("rollcall.note.length", MAX_NOTE);
        }
        SessionCall call = call(sessionId, callId);
        signIns.updateNote(sessionId, callId, text);
        actions.record(new SubjectRef(SignInService.SUBJECT, sessionId), null, null, "ROLL_CALL_NOTE", user, text,
            call.getPersonName());
        return call(sessionId, callId);
    }

    /** The draw itself: one index from a generator seeded with {@code seed}, over the pool in the order stored. */
    static long pick(List<Long> pool, long seed) {
        return pool.get(new Random(seed).nextInt(pool.size()));
    }

    private SessionCall call(long sessionId, long callId) {
        SessionCall call = signIns.selectCall(sessionId, callId);
        if (call == null) {
            throw BusinessException.notFound();
        }
        return call;
    }
}
