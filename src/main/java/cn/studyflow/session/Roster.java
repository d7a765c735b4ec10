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

    /**
     * Brings a roster to {@code wanted} (person → part): adds who is new, takes off who is no longer wanted, and
     * changes the part of who stays in another; attendance already recorded stays. Returns who was added and who
     * was taken off, so that both can be told.
     */
    public Changes sync(long sessionId, java.util.Map<Long, Part> wanted) {
        java.util.Map<Long, RosterEntry> now = new java.util.HashMap<>();
        of(sessionId).forEach(e -> now.put(e.getPersonId(), e));
        List<Long> removed = now.keySet().stream().filter(p -> !wanted.containsKey(p)).sorted().toList();
        List<RosterEntry> added = new java.util.ArrayList<>();
        wanted.forEach((person, part) -> {
            RosterEntry e = now.get(person);
            if (e == null) {
                added.add(expected(sessionId, person, part));
            } else if (e.getPart() != part) {
                roster.updatePart(sessionId, person, part);
            }
        });
        if (!removed.isEmpty()) {
            roster.deletePeople(sessionId, removed);
        }
        add(added);
        return new Changes(added.stream().map(RosterEntry::getPersonId).sorted().toList(), removed);
    }

    /** Who a {@link #sync} put on a roster and who it took off. */
    public record Changes(List<Long> added, List<Long> removed) {
    }
}
