package cn.studyflow.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A downloaded archive opened as a person opens it: its files by path, and its .xlsx rows read with Apache POI. */
record ArchiveZip(Map<String, byte[]> files) {

    static ArchiveZip of(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArchiveZip(files);
    }

    List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /** The one file whose path ends with {@code suffix}. */
    byte[] endingWith(String suffix) {
        List<String> found = paths().stream().filter(p -> p.endsWith(suffix)).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one file ending with " + suffix + " in " + paths());
        }
        return files.get(found.get(0));
    }

    /** The rows of the first sheet of an .xlsx, every cell as the spreadsheet shows it. */
    static List<List<String>> sheetRows(byte[] xlsx) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
