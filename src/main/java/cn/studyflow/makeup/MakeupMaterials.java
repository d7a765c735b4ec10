package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionPartsSource;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What the member studies for a make-up: the session's materials (and whatever else other features hang on the
 * session) that the viewer may read, through the same {@link SessionPartsSource}s that fill the session's page.
 */
@Component
@RequiredArgsConstructor
class MakeupMaterials {

    private final List<SessionPartsSource> sources;

    List<SessionPartsSource.Part> of(Makeup m, CurrentUser viewer) {
        return sources.stream().filter(s -> !(s instanceof MakeupSessionParts))
            .flatMap(s -> s.partsOf(m.getSessionId(), viewer).stream()).toList();
    }
}
