package cn.studyflow.session;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The roster of a session: who is expected and how they attended. Sign-in, roll-call, leave and make-up study
 * change attendance only through here, each change conditional on the state it expects, so that a lost race
 * changes nothing.
 */
@Service
@RequiredArgsConstructor
public class Roster {

    private final RosterMapper roster;

    public List<RosterEntry> of(long sessionId) {
        return roster.selectBySession(sessionId);
    }

    public Optional<RosterEntry> entry(long sessionId, long personId) {
        return Optional.ofNullable(roster.selectOne(sessionId, personId));
    }

    public void add(List<RosterEntry> entries) {
        if (!entries.isEmpty()) {
            roster.insertAll(entries);
        }
    }

    /** Moves a person from {@code from} to {@code to}; false when their attendance was no longer {@code from}. */
    public boolean change(long sessionId, long personId, Attendance from, Attendance to, Long markedBy, String reason) {
        return roster.updateAttendance(sessionId, personId, from, to, markedBy, reason) == 1;
    }

    public void madeUp(long sessionId, long personId, boolean madeUp) {
        roster.updateMadeUp(sessionId, personId, madeUp);
    }

    public static RosterEntry expected(long sessionId, long personId, Part part) {
        RosterEntry e = new RosterEntry();
        e.setSessionId(sessionId);
        e.setPersonId(personId);
        e.setPart(part);
        e.setAttendance(Attendance.EXPECTED);
        return e;
    }
}
