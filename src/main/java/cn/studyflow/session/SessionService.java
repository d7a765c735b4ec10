package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Scope;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
public class SessionService {

    public static final String SCHEDULED = "SCHEDULED";

    private final StudySessionMapper sessions;
    private final Scope scope;

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

    public List<StudySession> ofPlan(long planId) {
        return sessions.selectByPlan(planId);
    }

    /** The sessions this person may see in a year. */
    public List<StudySession> visible(CurrentUser user, Integer year) {
        List<Long> orgIds = scope.visibleOrgs(user).stream().map(Org::getId).toList();
        return sessions.selectByOrgs(orgIds, year);
    }
}
