package cn.studyflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mapper tests run on the database of this run: so a statement that only H2 understands fails the PostgreSQL run. */
@MapperTest
class MapperTestDatabaseTest {

    @Autowired DataSource dataSource;

    @Test
    void theMapperSliceRunsOnTheDatabaseOfThisRun() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
            if (TestDatabase.postgres()) {
                assertThat(c.getSchema()).as("a schema of its own").startsWith("sf_test_");
            }
        }
    }
}
