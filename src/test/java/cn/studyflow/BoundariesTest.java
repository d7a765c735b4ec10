package cn.studyflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.MapperTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The application keeps to the floor that {@link Boundaries} draws; part of every build. */
@AnalyzeClasses(packages = Boundaries.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    /** SQL in an annotation is for one-liners; anything longer goes to the mapper's XML. */
    static final int ONE_LINE = 100;
    static final Pattern TABLE = Pattern.compile("\\bsf_[a-z_]+\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern NAMESPACE = Pattern.compile("<mapper\\s+namespace=\"([\\w.]+)\"");

    @ArchTest static final ArchRule noCyclesBetweenPackages = Boundaries.NO_CYCLES;
    @ArchTest static final ArchRule engineOnlyBehindWorkflow = Boundaries.ENGINE_BEHIND_WORKFLOW;
    @ArchTest static final ArchRule commonDependsOnNothingOfStudyFlow = Boundaries.COMMON_STANDS_ALONE;
    @ArchTest static final ArchRule systemIsTheShellOnly = Boundaries.SYSTEM_IS_THE_SHELL;
    @ArchTest static final ArchRule mappersAreUsedOnlyInTheirPackage = Boundaries.MAPPERS_STAY_HOME;

    @Test
    void mapperXmlSitsInTheFolderOfItsPackageAndNamesOnlyItsTables() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:mapper/**/*.xml");
        assertThat(files).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (Resource file : files) {
            String xml = file.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
            Matcher ns = NAMESPACE.matcher(xml);
            if (!ns.find()) {
                problems.add(file.getFilename() + ": no mapper namespace");
                continue;
            }
            String mapper = ns.group(1);
            String pkg = Boundaries.topPackage(mapper);
            String expected = "mapper/" + pkg + "/" + mapper.substring(mapper.lastIndexOf('.') + 1) + ".xml";
            if (!file.getURL().toString().endsWith(expected)) {
                problems.add(mapper + ": the XML belongs at " + expected + ", found " + file.getURL());
            }
            Set<String> foreign = Boundaries.foreignTables(pkg, tables(xml));
            if (!foreign.isEmpty()) {
                problems.add(expected + " names tables of other packages: " + foreign);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ArchTest
    void annotatedSqlIsOneLineAndNamesOnlyItsTables(JavaClasses classes) {
        List<String> problems = new ArrayList<>();
        for (JavaClass mapper : classes) {
            if (!mapper.isAnnotatedWith(Mapper.class)) {
                continue;
            }
            for (Method method : mapper.reflect().getDeclaredMethods()) {
                for (Annotation a : method.getAnnotations()) {
                    String[] sql = a instanceof Select s ? s.value() : a instanceof Insert i ? i.value()
                        : a instanceof Update u ? u.value() : a instanceof Delete d ? d.value() : null;
                    if (sql == null) {
                        continue;
                    }
                    String text = String.join(" ", sql);
                    String where = mapper.getSimpleName() + "." + method.getName();
                    if (sql.length > 1 || text.length() > ONE_LINE) {
                        problems.add(where + ": SQL longer than a line belongs in the mapper XML");
                    }
                    Set<String> foreign = Boundaries.foreignTables(Boundaries.topPackage(mapper.getName()), tables(text));
                    if (!foreign.isEmpty()) {
                        problems.add(where + " names tables of other packages: " + foreign);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every mapper has a test of its own on the schema Flyway builds, run on H2 and PostgreSQL (issue 14). */
    @ArchTest
    void everyMapperHasAMapperTest(JavaClasses classes) {
        List<String> untested = new ArrayList<>();
        for (JavaClass mapper : classes) {
            if (!mapper.isAnnotatedWith(Mapper.class)) {
                continue;
            }
            try {
                Class<?> test = Class.forName(mapper.getName() + "Test");
                if (!test.isAnnotationPresent(MapperTest.class)) {
                    untested.add(test.getName() + " is no @MapperTest");
                }
            } catch (ClassNotFoundException e) {
                untested.add(mapper.getName() + " has no " + mapper.getSimpleName() + "Test");
            }
        }
        assertThat(untested).isEmpty();
    }

    static Set<String> tables(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            tables.add(m.group().toLowerCase(Locale.ROOT));
        }
        return tables;
    }
}
