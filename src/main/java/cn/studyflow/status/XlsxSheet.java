package cn.studyflow.status;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** One sheet of an .xlsx export, streamed: a bold header row in the reader's language, then one row per call. */
public final class XlsxSheet implements AutoCloseable {

    private static final int FLUSH_EVERY = 1000;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Workbook workbook;
    private final Worksheet sheet;
    private final ZoneId zone;
    private int row;

    public XlsxSheet(OutputStream out, String name, List<String> headers, ZoneId zone) {
        this.workbook = new Workbook(out, "StudyFlow", "1.0");
        this.sheet = workbook.newWorksheet(name);
        this.zone = zone;
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.width(c, Math.max(10, headers.get(c).length() * 2.5));
        }
        sheet.range(0, 0, 0, Math.max(0, headers.size() - 1)).style().bold().fillColor("EEEEEE").set();
        sheet.freezePane(0, 1);
        row = 1;
    }

    /**
     * Streams one sheet named {@code name} as the response, a download named {@code <name>-<today>.xlsx}; every
     * export of StudyFlow's managers' views goes out this way.
     */
    public static void respond(HttpServletResponse response, String name, List<String> headers, ZoneId zone,
                               Consumer<XlsxSheet> rows) throws IOException {
        String file = name + "-" + LocalDate.now(zone) + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
            + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = response.getOutputStream(); XlsxSheet sheet = new XlsxSheet(out, name, headers, zone)) {
            rows.accept(sheet);
        }
    }

    /** Appends a row; texts, numbers and times (in StudyFlow's zone) become cells of their kind, null stays empty. */
    public void row(Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else if (v instanceof OffsetDateTime t) {
                sheet.value(row, c, t.atZoneSameInstant(zone).toLocalDateTime());
                sheet.style(row, c).format("yyyy-mm-dd hh:mm").set();
            } else if (v != null) {
                sheet.value(row, c, v.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A share as a percentage with one decimal (0.8456 becomes 84.6), null staying empty. */
    public static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    @Override
    public void close() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
