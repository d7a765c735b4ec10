package cn.studyflow.bench;

import cn.studyflow.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PeopleImportPostgresBench extends PeopleImportBench {

    @BeforeAll
    static void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabase.registerPostgres(registry);
    }

    @Override
    String database() {
        return "PostgreSQL";
    }
}
