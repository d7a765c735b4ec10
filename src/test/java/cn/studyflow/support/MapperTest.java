package cn.studyflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A MyBatis slice on an embedded H2 whose schema Flyway builds from the migrations; each test rolls back.
 * One annotation, so that every mapper test shares one small context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MybatisTest
@ActiveProfiles("test")
public @interface MapperTest {
}
