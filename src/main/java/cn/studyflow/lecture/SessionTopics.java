package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionAccess;
import cn.studyflow.session.SessionPartsSource;
import cn.studyflow.session.SessionProposals;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study sessions taking a library lecture as their topic: linked by whoever schedules the session, one lecture a
 * session; the lecture shown on the session's page (as one of its parts) and the sessions on the lecture's page.
 */
@Service
@RequiredArgsConstructor
public class SessionTopics implements SessionPartsSource {

    private final LectureMapper mapper;
    private final LectureEntries entries;
    private final SessionAccess sessionAccess;
    private final SessionService sessions;
    private final Clock clock;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    /** Makes a library lecture the topic of a session not yet held, replacing the one it had. */
    @Transactional
    public void link(long entryId, long sessionId, CurrentUser user) {
        LectureEntry e = entries.get(entryId, user);
        if (e.getSelectedLevel() == null || e.getStatus() != EntryStatus.ENTERED) {
            throw BusinessException.invalid("lecture.error.notInLibrary");
        }
        StudySession s = sessionAccess.toSchedule(user, sessionId);
        if (!open(s)) {
            throw BusinessException.invalid("lecture.error.sessionClosed");
        }
        mapper.deleteSessionTopic(sessionId);
        mapper.insertSessionTopic(sessionId, entryId, user.getPersonId(), OffsetDateTime.now(clock));
    }

    /** The sessions taking this lecture as their topic that the viewer may see. */
    public List<StudySession> sessionsOf(LectureEntry e, CurrentUser viewer) {
        return mapper.selectTopicSessions(e.getId()).stream().map(sessions::byId).flatMap(Optional::stream)
            .filter(s -> sessionAccess.canSee(viewer, s)).toList();
    }

    /** This year's sessions not yet held that this person schedules: where they may take a lecture as the topic. */
    public List<StudySession> linkable(CurrentUser user) {
        return sessions.visible(user, LocalDate.now(clock.withZone(zone)).getYear()).stream()
            .filter(s -> sessionAccess.canSchedule(user, s.getOrgId()) && open(s)).toList();
    }

    @Override
    public List<Part> partsOf(long sessionId, CurrentUser viewer) {
        Long entryId = mapper.selectSessionTopic(sessionId);
        LectureEntry e = entryId == null ? null : mapper.selectEntry(entryId);
        if (e == null || !entries.canSee(e, viewer)) {
            return List.of();
        }
        return List.of(new Part("lecture.part.topic", e.getTitle(),
            e.isAwarded() ? "lecture.outstanding" : "lecture.part.inLibrary", Lectures.entryLink(e.getId())));
    }

    private boolean open(StudySession s) {
        boolean notHeld = SessionService.SCHEDULED.equals(s.getStatus()) || SessionProposals.PROPOSED.equals(s.getStatus());
        return notHeld && (s.getSessionDate() == null || !s.getSessionDate().isBefore(LocalDate.now(clock.withZone(zone))));
    }
}
