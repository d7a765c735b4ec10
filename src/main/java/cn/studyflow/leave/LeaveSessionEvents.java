package cn.studyflow.leave;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.session.SessionMoved;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A session that moves takes its waiting leave requests' timers with it: the lapse at the new start and the
 * reminder before it. A cancelled session lapses them at once (the job runs as soon as the executor sees it).
 * Runs in the transaction that moved the session.
 */
@Component
@RequiredArgsConstructor
class LeaveSessionEvents {

    private static final Logger log = LoggerFactory.getLogger(LeaveSessionEvents.class);

    private final LeaveMapper leaves;
    private final Workflow workflow;
    private final LeaveProperties properties;
    private final Clock clock;

    @EventListener
    void onMoved(SessionMoved moved) {
        Instant now = clock.instant();
        Instant startsAt = moved.startsAt() == null ? now : moved.startsAt().atZone(clock.getZone()).toInstant();
        for (Leave l : leaves.selectOpenBySession(moved.sessionId())) {
            l.setStartsAt(startsAt.atZone(clock.getZone()).toOffsetDateTime());
            VersionedRow.save(l, leaves::update, clock);
            String pid = l.getProcessInstanceId();
            if (workflow.isRunning(pid)) {
                move(pid, LeaveRequestProcess.TIMER_REMINDER, LeaveRequestProcess.VAR_REMIND_AT,
                    Date.from(properties.remindAt(startsAt, now)));
                move(pid, LeaveRequestProcess.TIMER_SESSION_STARTS, LeaveRequestProcess.VAR_STARTS_AT, Date.from(startsAt));
            }
            log.info("Leave {}: session {} {}, timers moved to {}", Leaves.ref(l).businessKey(), moved.sessionId(),
                moved.startsAt() == null ? "cancelled" : "moved", startsAt);
        }
    }

    /** The variable the timer's expression reads, so that model and instance agree, and the waiting job itself. */
    private void move(String processInstanceId, String timer, String variable, Date due) {
        workflow.setVariable(processInstanceId, variable, due);
        workflow.moveTimer(processInstanceId, timer, due);
    }
}
