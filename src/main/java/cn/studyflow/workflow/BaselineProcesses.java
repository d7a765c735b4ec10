package cn.studyflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The processes of the files in {@code processes/}, which StudyFlow ships: its code starts them by key, the
 * modeler deploys new versions of these keys and no others, and the status journal follows these only.
 */
@Component
public class BaselineProcesses {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final Map<String, String> names;

    BaselineProcesses() {
        Map<String, String> found = new LinkedHashMap<>();
        // a streaming read of the process elements: the engine's model API would cost a second at start-up
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    XMLStreamReader xml = factory.createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamReader.START_ELEMENT && BPMN.equals(xml.getNamespaceURI())
                            && "process".equals(xml.getLocalName())) {
                            found.put(xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "name"));
                        }
                    }
                    xml.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A file in processes/ is not well-formed BPMN", e);
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
