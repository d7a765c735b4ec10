package cn.studyflow.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** A downloaded .docx opened with Apache POI, read as a person reads it: its paragraphs and its tables' cells. */
public record WordText(List<String> paragraphs, List<List<List<String>>> tables) {

    public static WordText of(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText)
                .filter(t -> !t.isEmpty()).toList();
            List<List<List<String>>> tables = doc.getTables().stream()
                .map(t -> t.getRows().stream()
                    .map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList()).toList())
                .toList();
            return new WordText(paragraphs, tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The title: the first paragraph. */
    public String title() {
        return paragraphs.get(0);
    }

    /** Every row of every table, for looking up a row by what it says. */
    public List<List<String>> rows() {
        return tables.stream().flatMap(List::stream).toList();
    }
}
