package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionPartsSource;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The make-ups of a held session on its page, those the viewer may read: a member finds their own there and opens
 * it to submit; the secretary and the leader see everyone's.
 */
@Component
@RequiredArgsConstructor
class MakeupSessionParts implements SessionPartsSource {

    private final MakeupService makeups;

    @Override
    public List<Part> partsOf(long sessionId, CurrentUser viewer) {
        return makeups.ofSession(sessionId, viewer).stream()
            .map(m -> new Part("makeup.part." + m.getAbsence(), m.getMemberName(), "makeup.status." + m.getStatus(),
                Makeups.link(m)))
            .toList();
    }
}
