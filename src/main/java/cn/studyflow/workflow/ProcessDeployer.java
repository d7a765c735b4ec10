package cn.studyflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN files of the top-level {@code processes/} folder (copied to the classpath by the build)
 * at start-up. Only files that changed since the last baseline deployment become new versions, so a
 * restart creates none.
 */
@Component
@Order(-10)
@RequiredArgsConstructor
class ProcessDeployer implements ApplicationRunner {

    static final String DEPLOYMENT_NAME = "studyflow-baseline";

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        if (resources.length == 0) {
            log.warn("No BPMN files found under processes/ on the classpath");
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_NAME)
            .enableDuplicateFiltering(true);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                deployment.addString(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        // when duplicate filtering finds nothing new, the engine deploys nothing and lists no definitions
        List<ProcessDefinition> definitions = deployment.deployWithResult().getDeployedProcessDefinitions();
        int deployed = definitions == null ? 0 : definitions.size();
        log.info("Process baseline: {} files, {} new process versions", resources.length, deployed);
    }
}
