package cn.studyflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The engine on which a test runs one BPMN file on its own, as Camunda's examples do: no Spring context, an
 * in-memory H2 of its own, no job executor (a test fires timers and continuations with {@code execute(job())}),
 * and delegates resolved from {@code org.camunda.bpm.engine.test.mock.Mocks}. It has a name of its own, so it
 * never meets the engines of the Spring test contexts in the same JVM. Built once, shared by every such test;
 * the extension deploys each test's file and deletes it afterwards.
 */
public final class BpmnEngine {

    public static final String NAME = "studyflow-bpmn-unit";

    private static ProcessEngine engine;

    private BpmnEngine() {
    }

    /** For {@code @RegisterExtension static ProcessEngineExtension engine = BpmnEngine.extension();}. */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    private static synchronized ProcessEngine engine() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName(NAME);
            configuration.setJdbcUrl("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setExpressionManager(new MockExpressionManager());
            // as application.yml sets them for the application's engine
            configuration.setEnforceHistoryTimeToLive(true);
            configuration.setJavaSerializationFormatEnabled(false);
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }
}
