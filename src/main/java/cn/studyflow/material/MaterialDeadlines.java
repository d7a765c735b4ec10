package cn.studyflow.material;

import cn.studyflow.journal.JournalDates;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.session.SessionMoved;
import cn.studyflow.session.SessionService;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a material is due: counted from its session's start ({@link SessionService#startsAt}), and not at all
 * while the session has no day. When the session moves ({@link SessionMoved}), the deadlines of its materials
 * under review, their waiting timers and the due dates of their open steps move with it, in the same
 * transaction. A cancelled session leaves deadlines and timers as they are and tells the authors.
 */
@Service
@RequiredArgsConstructor
public class MaterialDeadlines {

    private static final Logger log = LoggerFactory.getLogger(MaterialDeadlines.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * What the reminder and overdue timers wait for while the session has no day: they are moved to the real
     * times once it gets one, and never fire before. It is never shown: the material's deadline is empty then.
     */
    static final Date NO_DAY_YET = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final SessionService sessions;
    private final MaterialMapper materials;
    private final MaterialReads reads;
    private final MaterialProperties properties;
    private final Workflow workflow;
    private final JournalDates journal;
    private final NotificationService notifications;
    private final Clock clock;

    /** A material's deadline and the time its holder is reminded. */
    public record Due(ZonedDateTime deadline, ZonedDateTime reminderAt) {
    }

    /** The deadlines of a session's materials; empty while the session has no day. */
    public Optional<Due> of(long sessionId) {
        return sessions.startsAt(sessionId).map(this::from);
    }

    /** The deadlines of the materials of a session that starts at {@code startsAt}. */
    public Due from(LocalDateTime startsAt) {
        ZonedDateTime deadline = properties.deadline(startsAt, clock.getZone());
        return new Due(deadline, properties.reminderAt(deadline));
    }

    /**
     * The process variables of material-review.bpmn that carry the deadline: {@code deadline} for the steps'
     * due dates (null: none), {@code reminderAt} and {@code overdueAt} for the two timers.
     */
    static Map<String, Object> variables(Optional<Due> due) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(MaterialReviewProcess.VAR_DEADLINE, due.map(d -> Date.from(d.deadline().toInstant())).orElse(null));
        vars.put(MaterialReviewProcess.VAR_REMINDER_AT,
            due.map(d -> Date.from(d.reminderAt().toInstant())).orElse(NO_DAY_YET));
        vars.put(MaterialReviewProcess.VAR_OVERDUE_AT,
            due.map(d -> Date.from(d.deadline().toInstant())).orElse(NO_DAY_YET));
        return vars;
    }

    @EventListener
    @Transactional
    public void sessionMoved(SessionMoved moved) {
        List<Long> open = materials.selectOpenIds(moved.sessionId());
        if (open.isEmpty()) {
            return;
        }
        moved.follow(open, reads.ofSession(moved.sessionId()), m -> {
            notifications.notify(m.getAuthorId(), Materials.link(m), "material.notify.sessionCancelled",
                m.getTitle(), m.getSessionTitle());
            log.info("Session {} cancelled: material {} keeps its deadline", moved.sessionId(), m.getId());
        }, (m, startsAt) -> move(m, from(startsAt)));
    }

    private void move(Material m, Due due) {
        OffsetDateTime deadline = due.deadline().toOffsetDateTime();
        if (m.getDeadline() != null && m.getDeadline().isEqual(deadline)) {
            return;
        }
        materials.updateDeadline(m.getId(), deadline);
        String instance = m.getProcessInstanceId();
        if (instance != null && workflow.isRunning(instance)) {
            variables(Optional.of(due)).forEach((name, value) -> workflow.setVariable(instance, name, value));
            Date deadlineDate = Date.from(deadline.toInstant());
            workflow.moveTimer(instance, MaterialReviewProcess.TIMER_REMINDER, Date.from(due.reminderAt().toInstant()));
            workflow.moveTimer(instance, MaterialReviewProcess.TIMER_OVERDUE, deadlineDate);
            workflow.setTaskDue(instance, deadlineDate);
            journal.dueAt(instance, deadline);
        }
        String shown = due.deadline().withZoneSameInstant(clock.getZone()).format(SHOWN);
        notifications.notify(m.getAuthorId(), Materials.link(m), "material.notify.deadlineMoved", m.getTitle(),
            m.getSessionTitle(), shown);
        log.info("Material {}: deadline moved to {} with session {}", Materials.ref(m).businessKey(), shown,
            m.getSessionId());
    }
}
