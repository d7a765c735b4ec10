package cn.studyflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.Test;

/**
 * StudyFlow names the JDK's transformer factory so that Apache POI does not search every jar for one on each part
 * it saves. That is only the same factory while no jar provides another: this fails when one is added.
 */
class XmlTransformerTest {

    @Test
    void theFactoryNamedAtStartIsTheOneTheSearchWouldFind() throws Exception {
        Class.forName(StudyFlowApplication.class.getName());
        assertThat(System.getProperty(StudyFlowApplication.TRANSFORMER_FACTORY))
            .isEqualTo(StudyFlowApplication.JDK_TRANSFORMER_FACTORY);
        assertThat(ServiceLoader.load(TransformerFactory.class).findFirst()).as("a jar providing a transformer").isEmpty();
        assertThat(TransformerFactory.newDefaultInstance().getClass().getName())
            .isEqualTo(StudyFlowApplication.JDK_TRANSFORMER_FACTORY);
        assertThat(TransformerFactory.newInstance().getClass().getName())
            .isEqualTo(StudyFlowApplication.JDK_TRANSFORMER_FACTORY);
    }
}
