package cn.studyflow.session;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the secretaries of sessions still marked scheduled {@code studyflow.session.reminder-days} after their day,
 * once. Every node runs the job; each reminder is claimed by a conditional update of {@code reminded_at} in the
 * transaction that notifies, so that two nodes never remind twice.
 */
@Component
@RequiredArgsConstructor
class SessionReminders {

    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    private final SessionRecordMapper records;
    private final NotificationService notifications;
    private final SessionRecordProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${studyflow.session.reminder-interval:PT1H}", initialDelayString = "PT2M")
    void run() {
        int reminded = remindOverdue(LocalDate.now(clock));
        if (reminded > 0) {
            log.info("Reminded the secretaries of {} sessions not marked held", reminded);
        }
    }

    /** Reminds about every session scheduled for {@code today - reminderDays} or earlier; returns how many it claimed. */
    int remindOverdue(LocalDate today) {
        int claimed = 0;
        for (StudySession s : records.selectUnheldUntil(today.minusDays(properties.reminderDays()))) {
            if (Boolean.TRUE.equals(tx.execute(status -> remind(s)))) {
                claimed++;
            }
        }
        return claimed;
    }

    /** Claims and sends one reminder; false when another node (or an earlier run) claimed it first. */
    boolean remind(StudySession s) {
        if (records.claimReminder(s.getId(), OffsetDateTime.now(clock)) == 0) {
            return false;
        }
        notifications.notifyRole(s.getOrgId(), Role.SECRETARY, "/sessions/" + s.getId(), "sessionrecord.notify.notHeld",
            s.getTitle(), s.getSessionDate());
        return true;
    }
}
