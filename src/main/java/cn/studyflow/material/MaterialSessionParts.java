package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionPartsSource;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The materials of a session on its page, those the viewer may read, as the materials list shows them. */
@Component
@RequiredArgsConstructor
class MaterialSessionParts implements SessionPartsSource {

    /** More materials than one session ever has; the materials list pages through the rest. */
    private static final int MAX_SHOWN = 200;

    private final MaterialService materials;

    @Override
    public List<Part> partsOf(long sessionId, CurrentUser viewer) {
        return materials.list(viewer, sessionId, null, false, 0, MAX_SHOWN).items().stream()
            .map(m -> new Part("material.kind." + m.getKind(), m.getTitle(), "material.status." + m.getStatus(),
                "/materials/" + m.getId()))
            .toList();
    }
}
