package cn.studyflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of one benchmark, written as target/bench/{name}.json and target/bench/{name}.md. */
final class BenchReport {

    private final String name;
    private final String title;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    BenchReport(String name, String title) {
        this.name = name;
        this.title = title;
    }

    /** Adds a row; values are given as alternating column names and values. */
    BenchReport row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < columnsAndValues.length; i += 2) {
            row.put(String.valueOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        rows.add(row);
        write();
        return this;
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void write() {
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", name);
            doc.put("title", title);
            doc.put("measuredAt", OffsetDateTime.now().toString());
            doc.put("cpus", Runtime.getRuntime().availableProcessors());
            doc.put("rows", rows);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(), doc);
            StringBuilder md = new StringBuilder("### " + title + "\n\n");
            List<String> columns = new ArrayList<>(rows.get(0).keySet());
            md.append("| ").append(String.join(" | ", columns)).append(" |\n");
            md.append("|").append("---|".repeat(columns.size())).append("\n");
            for (Map<String, Object> row : rows) {
                md.append("| ");
                for (String c : columns) {
                    md.append(row.getOrDefault(c, "")).append(" | ");
                }
                md.append("\n");
            }
            Files.writeString(dir.resolve(name + ".md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
