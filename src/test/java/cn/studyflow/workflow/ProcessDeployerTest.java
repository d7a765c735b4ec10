package cn.studyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class ProcessDeployerTest extends IntegrationTest {

    @Autowired ProcessDeployer deployer;
    @Autowired RepositoryService repository;
    @Autowired DataSource dataSource;

    @Test
    void everyProcessFileIsDeployedOnceAndARestartAddsNoVersion() throws Exception {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
            .extracting(d -> d.getKey())
            .contains("plan-approval", "supplementary-plan-approval");
        long versions = repository.createProcessDefinitionQuery().count();
        long deployments = repository.createDeploymentQuery().count();

        deployer.run(new DefaultApplicationArguments());

        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(versions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void theEngineAndTheDomainShareTheDatabaseTheRunAskedFor() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
        }
    }
}
