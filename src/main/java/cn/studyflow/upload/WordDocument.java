package cn.studyflow.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

/**
 * A record as a Word document (.docx, Apache POI's XWPF) for the paper file: a title, facts such as the
 * organisation and the year, headings, tables and paragraphs on A4, every label in the reader's language.
 * Features fill it from what their page shows; {@link #response} hands it out like any other download.
 */
public final class WordDocument {

    /** The media type a .docx is served as. */
    public static final UploadType DOCX = () -> MediaKind.DOCX;

    // A4 in twentieths of a point, with 2.5 cm margins
    private static final BigInteger A4_WIDTH = BigInteger.valueOf(11906);
    private static final BigInteger A4_HEIGHT = BigInteger.valueOf(16838);
    private static final BigInteger MARGIN = BigInteger.valueOf(1418);
    private static final String LATIN_FONT = "Calibri";
    private static final String CHINESE_FONT = "SimSun";

    private final XWPFDocument doc = new XWPFDocument();
    private final MessageSource messages;
    private final Locale locale;

    public WordDocument(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(A4_WIDTH);
        size.setH(A4_HEIGHT);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(MARGIN);
        margins.setBottom(MARGIN);
        margins.setLeft(MARGIN);
        margins.setRight(MARGIN);
    }

    /** The message {@code key} in the reader's language. */
    public String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public Locale locale() {
        return locale;
    }

    public WordDocument title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, 18, true);
        return this;
    }

    /** One line "label: value" under the title, such as the organisation or the year. */
    public WordDocument fact(String labelKey, String value) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(60);
        run(p, msg("print.label", msg(labelKey)), 11, true);
        run(p, value == null ? "" : value, 11, false);
        return this;
    }

    public WordDocument heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        p.setSpacingAfter(120);
        run(p, text, 14, true);
        return this;
    }

    public WordDocument paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(120);
        run(p, text == null ? "" : text, 11, false);
        return this;
    }

    /** A table with a bold head row; a cell's line breaks stay line breaks. */
    public WordDocument table(List<String> heads, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, heads.size());
        table.setWidth("100%");
        fill(table.getRow(0), heads, true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
        doc.createParagraph();
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document to {@code out} (an entry of a zip being streamed, say), which stays open. */
    public void write(OutputStream out) throws IOException {
        doc.write(CloseShieldOutputStream.wrap(out));
        doc.close();
    }

    /** The document as an attachment named {@code name}.docx ({@code fallbackBase}.docx for ASCII-only clients). */
    public ResponseEntity<Resource> response(String name, String fallbackBase) {
        return Downloads.response(new ByteArrayResource(bytes()), DOCX, name + ".docx", fallbackBase, false);
    }

    private static void fill(XWPFTableRow row, List<String> texts, boolean head) {
        row.setHeightRule(TableRowHeightRule.AUTO);
        for (int c = 0; c < texts.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            String[] lines = (texts.get(c) == null ? "" : texts.get(c)).split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                XWPFRun r = run(p, lines[l], 10.5, head);
                if (l < lines.length - 1) {
                    r.addBreak();
                }
            }
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(CHINESE_FONT, XWPFRun.FontCharRange.eastAsia);
        return r;
    }
}
