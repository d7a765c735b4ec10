package cn.studyflow.bench;

import cn.studyflow.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A benchmark measured on each database: the bench profile runs it on H2, then again with
 * {@code studyflow.test.database=postgres} on a PostgreSQL schema of its own (see {@link TestDatabase}), as the
 * tests' second Surefire run does. One class a benchmark, whichever database it measures.
 */
@Tag(DatabaseBench.TAG)
@ExtendWith(TestDatabase.class)
abstract class DatabaseBench {

    /** The tag the bench profile's PostgreSQL run selects. */
    static final String TAG = "per-database";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** The database of this run, as the reports name it. */
    static String database() {
        return TestDatabase.postgres() ? "PostgreSQL" : "H2";
    }
}
