package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** What the session pages and the API read: a session's schedule panel, its roster by name, a person's sessions. */
@Service
@RequiredArgsConstructor
public class SessionQueries {

    /** Coming sessions shown on a member's home page. */
    static final int COMING = 5;

    private final SessionAccess access;
    private final ScheduleMapper schedule;
    private final Roster roster;
    private final OrgService orgService;
    private final Clock clock;
    private final List<SpeakerPool> speakerPools;

    /** A person on a roster as pages and the API show them: by name, with their organisation. */
    public record RosterLine(long personId, String name, String orgName, Part part, Attendance attendance) {
    }

    /** A person one may choose as chair, speaker or guest. */
    public record PersonOption(long id, String name, String orgName) {
    }

    /**
     * The schedule part of a session's page: its organisation and chair by name, the roster's entries (who is
     * speaker or guest, for the form), and for the secretary or leader the people to choose from; {@code canDecide}
     * for the leader of a proposed session; {@code pool} the lead speakers other features offer (the teacher pool)
     * who are not members. The page shows the roster itself, by name, from the record's lines.
     */
    public record Panel(StudySession session, String orgName, String chairName, List<RosterEntry> roster,
                        boolean canSchedule, boolean canDecide, List<PersonOption> members,
                        List<PersonOption> guests, List<PersonOption> pool) {

        public List<Long> speakerIds() {
            return idsOf(Part.SPEAKER);
        }

        public List<Long> guestIds() {
            return idsOf(Part.GUEST);
        }

        private List<Long> idsOf(Part part) {
            return roster.stream().filter(r -> r.getPart() == part).map(RosterEntry::getPersonId).toList();
        }
    }

    /** The panel of a session this person may see (404 otherwise). */
    public Panel panel(CurrentUser user, long sessionId) {
        StudySession s = access.visible(user, sessionId);
        boolean open = SessionService.SCHEDULED.equals(s.getStatus());
        boolean canSchedule = open && access.canSchedule(user, s.getOrgId());
        boolean canDecide = SessionProposals.PROPOSED.equals(s.getStatus()) && access.canDecide(user, s.getOrgId());
        Person chair = s.getChairId() == null ? null : orgService.person(s.getChairId());
        List<PersonOption> members = canSchedule ? options(List.of(orgService.get(s.getOrgId()))) : List.of();
        return new Panel(s, orgService.get(s.getOrgId()).getName(), chair == null ? null : chair.getDisplayName(),
            roster.of(s.getId()), canSchedule, canDecide, members,
            canSchedule ? guestOptions(s.getOrgId()) : List.of(),
            canSchedule ? pool(s.getOrgId(), members) : List.of());
    }

    /** Whether this person may propose a session of their own organisation (its secretary or leader). */
    public boolean canPropose(CurrentUser user) {
        return access.canSchedule(user, user.getOrgId());
    }

    /** The people a secretary may choose for a new session of their organisation. */
    public Panel newPanel(CurrentUser user) {
        StudySession blank = new StudySession();
        blank.setOrgId(user.getOrgId());
        List<PersonOption> members = options(List.of(user.getOrg()));
        return new Panel(blank, user.getOrg().getName(), null, List.of(), true, false,
            members, guestOptions(user.getOrgId()), pool(user.getOrgId(), members));
    }

    /** The pools' speakers for a session of this organisation, each once and none already among its members. */
    private List<PersonOption> pool(long orgId, List<PersonOption> members) {
        Set<Long> shown = new HashSet<>();
        members.forEach(m -> shown.add(m.id()));
        return speakerPools.stream().flatMap(p -> p.speakersFor(orgId).stream()).filter(o -> shown.add(o.id())).toList();
    }

    /** The roster of a session this person may see, by name (404 otherwise). */
    public List<RosterLine> roster(CurrentUser user, long sessionId) {
        return roster(access.visible(user, sessionId));
    }

    private List<RosterLine> roster(StudySession s) {
        Map<Long, String> orgNames = new HashMap<>();
        List<RosterLine> lines = new ArrayList<>();
        for (RosterEntry e : roster.of(s.getId())) {
            Person p = orgService.person(e.getPersonId());
            String orgName = orgNames.computeIfAbsent(p.getOrgId(), id -> orgService.get(id).getName());
            lines.add(new RosterLine(p.getId(), p.getDisplayName(), orgName, e.getPart(), e.getAttendance()));
        }
        lines.sort(Comparator.comparing(RosterLine::part).thenComparing(RosterLine::personId));
        return lines;
    }

    /** People of the organisations around this one (its superior's subtree), for an enlarged session. */
    private List<PersonOption> guestOptions(long orgId) {
        Org parent = orgService.parentOf(orgId);
        List<Org> around = parent == null ? List.of(orgService.get(orgId)) : orgService.subtree(parent);
        return options(around.stream().filter(o -> o.getId() != orgId).toList());
    }

    private List<PersonOption> options(List<Org> orgs) {
        List<PersonOption> options = new ArrayList<>();
        for (Org o : orgs) {
            orgService.people(o.getId()).forEach(p -> options.add(new PersonOption(p.getId(), p.getDisplayName(),
                o.getName())));
        }
        return options;
    }

    /** A person's coming sessions (scheduled, from today), with their part. */
    public List<MySession> coming(CurrentUser user) {
        return schedule.selectComing(user.getPersonId(), LocalDate.now(clock.withZone(ScheduleRules.ZONE)), COMING);
    }

    /** The sessions of this year a person was expected at, up to today (today's once held), with how they attended. */
    public List<MySession> attended(CurrentUser user) {
        LocalDate today = LocalDate.now(clock.withZone(ScheduleRules.ZONE));
        return schedule.selectAttended(user.getPersonId(), today.getYear(), today);
    }
}
