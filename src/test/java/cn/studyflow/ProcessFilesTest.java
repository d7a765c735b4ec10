package cn.studyflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Every process in {@code processes/} has a test that deploys that file alone on an in-memory engine with its
 * delegates mocked ({@code *BpmnTest}, see {@code support/BpmnEngine}), beside the tests through StudyFlow's
 * services (issue 14). A new diagram without one fails here, by name.
 */
class ProcessFilesTest {

    @Test
    void everyProcessFileIsDeployedAloneByATestOfItsOwn() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> bpmn = Files.list(Path.of("processes"))) {
            bpmn.filter(p -> p.toString().endsWith(".bpmn")).forEach(p -> files.add("processes/" + p.getFileName()));
        }
        assertThat(files).hasSizeGreaterThan(5);

        Set<String> deployedAlone = new TreeSet<>();
        for (JavaClass test : new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(Boundaries.BASE)) {
            if (test.getSimpleName().endsWith("BpmnTest") && test.isAnnotatedWith(Deployment.class)) {
                String[] resources = test.getAnnotationOfType(Deployment.class).resources();
                if (resources.length == 1) {
                    deployedAlone.addAll(Arrays.asList(resources));
                }
            }
        }
        assertThat(files).allSatisfy(file -> assertThat(deployedAlone).as("a *BpmnTest deploying " + file + " alone")
            .contains(file));
    }
}
