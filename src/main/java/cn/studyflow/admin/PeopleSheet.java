package cn.studyflow.admin;

import cn.studyflow.common.BusinessException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The .xlsx format of people, for import and export alike: one header row in Chinese, then a row a person with
 * the organisation's path of names from the top (潍坊市委/青州市委/卞桥镇党委), name, user name, phone and roles
 * (labels or names, separated by 、 , ， ; or ；) and cadre rank (职级: 处级及以上, 科级 or 其他, or the enum's name; empty:
 * 其他 for someone new, unchanged for someone who exists). Files made before the rank column have five columns and
 * still read. Read as a stream, so a file is refused at its first row too many.
 */
final class PeopleSheet {

    static final List<String> HEADERS = List.of("组织路径", "姓名", "用户名", "手机号", "角色", "职级");
    /** The columns every file has; the last, the rank, came later. */
    private static final int REQUIRED = 5;
    static final String ROLE_SEPARATOR = "、";
    /** More than this many bytes unpacked is a zip bomb, not a list of people. */
    private static final long MAX_UNPACKED = 200L * 1024 * 1024;

    private PeopleSheet() {
    }

    /** One row of the sheet as written, trimmed; {@code number} is the row number a spreadsheet shows. */
    record SheetRow(int number, String orgPath, String name, String username, String phone, String roles,
                    String rank) {

        boolean isBlank() {
            return Stream.of(orgPath, name, username, phone, roles, rank).allMatch(String::isEmpty);
        }
    }

    /** The people rows of a file; 400 when it is not an .xlsx of this format or has more than {@code maxRows}. */
    static List<SheetRow> read(byte[] file, int maxRows) {
        if (file.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw BusinessException.invalid("admin.import.notXlsx");
        }
        checkUnpackedSize(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            List<SheetRow> rows = new ArrayList<>();
            Iterator<Row> it = stream.iterator();
            Row header = it.hasNext() ? it.next() : null;
            if (header == null || !isHeader(header)) {
                throw BusinessException.invalid("admin.import.badHeader", String.join(" | ", HEADERS));
            }
            // a column after the roles is the rank only when its header says so
            boolean ranked = HEADERS.get(REQUIRED).equals(text(header, REQUIRED));
            while (it.hasNext()) {
                Row row = it.next();
                SheetRow r = new SheetRow(row.getRowNum(), text(row, 0), text(row, 1), text(row, 2), text(row, 3),
                    text(row, 4), ranked ? text(row, REQUIRED) : "");
                if (r.isBlank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw BusinessException.invalid("admin.import.tooManyRows", String.valueOf(maxRows));
                }
                rows.add(r);
            }
            return rows;
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // whatever the reader trips on in a damaged or disguised file
            throw BusinessException.invalid("admin.import.notXlsx");
        }
    }

    private static boolean isHeader(Row row) {
        for (int c = 0; c < REQUIRED; c++) {
            if (!HEADERS.get(c).equals(text(row, c))) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int column) {
        return row.getOptionalCell(column).map(cell -> {
            String raw = cell.getText();
            return raw == null ? "" : raw.trim();
        }).orElse("");
    }

    /**
     * Unpacks every entry once, counting, and refuses the file as soon as it grows past {@link #MAX_UNPACKED}: the
     * reader would otherwise inflate a zip bomb's shared strings.
     */
    private static void checkUnpackedSize(byte[] file) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            var entries = zip.getEntries();
            if (!entries.hasMoreElements()) {
                throw BusinessException.invalid("admin.import.notXlsx");
            }
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = read(in, buffer)) > 0) {
                        total += n;
                        if (total > MAX_UNPACKED) {
                            throw BusinessException.invalid("admin.import.notXlsx");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw BusinessException.invalid("admin.import.notXlsx");
        }
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer);
    }
}
