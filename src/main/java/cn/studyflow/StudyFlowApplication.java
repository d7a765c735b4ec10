package cn.studyflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StudyFlowApplication {

    /** The property that names the XML transformer factory, and the JDK's own, which is the one StudyFlow uses. */
    static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";
    static final String JDK_TRANSFORMER_FACTORY = "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

    static {
        // Apache POI asks for a new transformer factory for every part of every .docx and .xlsx it saves; unnamed,
        // each ask searches every jar for a provider. None ships one, so the search always ends at the JDK's own:
        // named here, the same factory comes without the search (15 % of an archive download's server CPU).
        // An operator's -D setting wins.
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, JDK_TRANSFORMER_FACTORY);
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(StudyFlowApplication.class, args);
    }
}
