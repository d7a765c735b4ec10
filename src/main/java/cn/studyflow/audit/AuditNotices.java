package cn.studyflow.audit;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Role;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Tells the people of an audit what happened to it, each notice linking to the audit's page. */
@Component
@RequiredArgsConstructor
class AuditNotices {

    private final NotificationService notifications;

    /** The dept that runs the audit. */
    void toDept(Audit audit, String messageKey, Object... args) {
        notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, Audits.link(audit), messageKey, args);
    }

    /** The secretaries of the audited organisation. */
    void toSecretary(Audit audit, String messageKey, Object... args) {
        notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, Audits.link(audit), messageKey, args);
    }

    /** One person of the audit, such as an auditor. */
    void toPerson(long personId, Audit audit, String messageKey, Object... args) {
        notifications.notify(personId, Audits.link(audit), messageKey, args);
    }
}
