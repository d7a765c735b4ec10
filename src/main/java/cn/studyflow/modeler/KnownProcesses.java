package cn.studyflow.modeler;

import cn.studyflow.workflow.BaselineProcesses;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The processes StudyFlow knows: those of the baseline files in {@code processes/}. Its code starts them by
 * key and its subject providers show them, so the modeler deploys new versions of these keys and no others.
 */
@Component
@RequiredArgsConstructor
class KnownProcesses {

    private final BaselineProcesses baseline;

    Set<String> keys() {
        return baseline.names().keySet();
    }

    boolean isKnown(String key) {
        return baseline.isKnown(key);
    }

    /** Key to the name the baseline gives the process. */
    Map<String, String> names() {
        return baseline.names();
    }
}
