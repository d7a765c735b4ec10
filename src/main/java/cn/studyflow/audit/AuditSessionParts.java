package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionPartsSource;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The audits of a session on its page, as far as the viewer may see them (a random audit stays hidden before its day). */
@Component
@RequiredArgsConstructor
class AuditSessionParts implements SessionPartsSource {

    private final AuditMapper audits;
    private final AuditAccess access;

    @Override
    public List<Part> partsOf(long sessionId, CurrentUser viewer) {
        return audits.selectBySession(sessionId).stream()
            .filter(a -> access.canSee(viewer, a, audits.selectAssignments(a.getId())))
            .map(a -> new Part("audit.mode." + a.getAuditMode(), a.getTitle(), "audit.status." + a.getStatus(),
                "/audits/" + a.getId()))
            .toList();
    }
}
