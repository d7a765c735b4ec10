package cn.studyflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A MyBatis slice on the schema Flyway builds from the migrations; each test rolls back. The database is the
 * tests' own (see {@link TestDatabase}): an in-memory H2, or in the PostgreSQL run a PostgreSQL schema of its
 * own, so that every statement is run on both. One annotation, so that every mapper test shares one small
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@ExtendWith(TestDatabase.class)
@ActiveProfiles("test")
public @interface MapperTest {
}
