package cn.studyflow.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hostile and broken diagrams of {@code src/test/resources/bpmn/hostile/}. Each file says in its first
 * comment why it must be refused: {@code <!-- expect: message.key @elementId args=first|second -->}, the element
 * and the message arguments (for the allowlist: the name and the line) being optional.
 */
final class HostileCorpus {

    private static final Pattern EXPECT = Pattern.compile("<!-- expect: ([\\w.]+)(?: @([\\w-]+))?(?: args=(.+?))? -->");

    private HostileCorpus() {
    }

    record Entry(String file, String xml, String code, String elementId, List<String> args) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Entry> entries() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:bpmn/hostile/*.bpmn");
            return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).map(HostileCorpus::entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> arguments() {
        return entries().map(Arguments::of);
    }

    private static Entry entry(Resource file) {
        try (InputStream in = file.getInputStream()) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = EXPECT.matcher(xml);
            if (!m.find()) {
                throw new IllegalStateException(file.getFilename() + " does not say what it expects");
            }
            List<String> args = m.group(3) == null ? null : List.of(m.group(3).split("\\|"));
            return new Entry(file.getFilename(), xml, m.group(1), m.group(2), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
