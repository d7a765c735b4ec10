package cn.studyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every process in {@code processes/} and every step a person works on has its label in both languages: the
 * tasklist, the status pages and the modeler show {@code process.<id>} and {@code step.<task id>}, and fall back
 * to the diagram's own id or name (Chinese, or a technical key) where a bundle lacks one.
 */
class ProcessLabelsTest {

    @Test
    void everyProcessAndEveryUserTaskHasAChineseAndAnEnglishLabel() throws IOException {
        ResourceBundleMessageSource messages = messages();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                List<String> keys = new ArrayList<>();
                model.getModelElementsByType(Process.class).forEach(p -> keys.add("process." + p.getId()));
                model.getModelElementsByType(UserTask.class).forEach(t -> keys.add("step." + t.getId()));
                for (String key : keys) {
                    String zh = messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
                    String en = messages.getMessage(key, null, null, Locale.ENGLISH);
                    if (zh == null || en == null || en.codePoints().anyMatch(ProcessLabelsTest::isHan)) {
                        missing.add(file.getFileName() + ": " + key + " (zh " + zh + ", en " + en + ")");
                    }
                }
            }
        }
        assertThat(missing).as("labels missing from the message bundles").isEmpty();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The bundles as application.yml lists them, UTF-8, without falling back to the machine's locale. */
    @SuppressWarnings("unchecked")
    private static ResourceBundleMessageSource messages() throws IOException {
        Map<String, Object> yml;
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            yml = new Yaml().loadAll(in).iterator().next() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
        Map<String, Object> spring = (Map<String, Object>) yml.get("spring");
        String basenames = (String) ((Map<String, Object>) spring.get("messages")).get("basename");
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames.split(","));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
