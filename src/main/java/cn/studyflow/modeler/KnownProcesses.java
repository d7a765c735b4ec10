package cn.studyflow.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The processes StudyFlow knows: those of the baseline files in {@code processes/}. Its code starts them by
 * key and its subject providers show them, so the modeler deploys new versions of these keys and no others.
 */
@Component
class KnownProcesses {

    private final Map<String, String> names;

    KnownProcesses() {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    NodeList processes = SafeXml.parse(in.readAllBytes())
                        .getElementsByTagNameNS(BpmnValidator.BPMN, "process");
                    for (int i = 0; i < processes.getLength(); i++) {
                        Element process = (Element) processes.item(i);
                        found.put(process.getAttribute("id"), process.getAttribute("name"));
                    }
                } catch (SafeXml.Refused e) {
                    throw new IllegalStateException("Baseline " + resource.getFilename() + " is not well-formed BPMN", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.names = Collections.unmodifiableMap(found);
    }

    Set<String> keys() {
        return names.keySet();
    }

    boolean isKnown(String key) {
        return key != null && names.containsKey(key);
    }

    /** Key to the name the baseline gives the process. */
    Map<String, String> names() {
        return names;
    }
}
