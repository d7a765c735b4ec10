package cn.studyflow.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** One sheet of an .xlsx export, streamed: a bold header row in the reader's language, then one row per call. */
public final class XlsxSheet implements AutoCloseable {

    private static final int FLUSH_EVERY = 1000;

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

    @Override
    public void close() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
