package cn.studyflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The processes of the files in {@code processes/}, which StudyFlow ships: its code starts them by key, the
 * modeler deploys new versions of these keys and no others, and the status journal follows these only.
 */
@Component
public class BaselineProcesses {

    private final Map<String, String> names;

    BaselineProcesses() {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)
                        .forEach(p -> found.put(p.getId(), p.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.names = Collections.unmodifiableMap(found);
    }

    public boolean isKnown(String key) {
        return key != null && names.containsKey(key);
    }

    /** Key to the name the file gives the process, in file order. */
    public Map<String, String> names() {
        return names;
    }
}
