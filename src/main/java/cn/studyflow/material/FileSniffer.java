package cn.studyflow.material;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells what a file is from its bytes, never from its name: magic numbers for PDF, images and the legacy
 * Office container, the entries of the zip for Word, PowerPoint and Excel, and strict UTF-8 without NUL
 * bytes or markup for plain text.
 */
final class FileSniffer {

    /** What the bytes say. OLE2 is the container of .doc, .xls and .ppt alike; the extension picks which. */
    enum Content { PDF, WORD, POWERPOINT, EXCEL, OLE2, PNG, JPEG, GIF, TEXT, UNKNOWN }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87_MAGIC = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89_MAGIC = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    /** How far into a text file markup is looked for; browsers sniff about as far. */
    private static final int MARKUP_WINDOW = 1024;
    private static final List<String> MARKUP = List.of("<!doctype", "<html", "<head", "<body", "<script", "<iframe",
        "<svg", "<?xml", "<object", "<embed", "<meta", "<style", "<img", "<a ", "<!--");

    private FileSniffer() {
    }

    static Content sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (startsWith(head, PDF_MAGIC)) {
            return Content.PDF;
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return ooxml(file);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return Content.OLE2;
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Content.PNG;
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Content.JPEG;
        }
        if (startsWith(head, GIF87_MAGIC) || startsWith(head, GIF89_MAGIC)) {
            return Content.GIF;
        }
        return isPlainText(file) ? Content.TEXT : Content.UNKNOWN;
    }

    /** The file type for what the content is and the extension the name has, or null when they disagree. */
    static FileType typeOf(Content content, String extension) {
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        FileType type = switch (content) {
            case PDF -> FileType.PDF;
            case WORD -> FileType.DOCX;
            case POWERPOINT -> FileType.PPTX;
            case EXCEL -> FileType.XLSX;
            case OLE2 -> switch (ext) {
                case "doc" -> FileType.DOC;
                case "xls" -> FileType.XLS;
                case "ppt" -> FileType.PPT;
                default -> null;
            };
            case PNG -> FileType.PNG;
            case JPEG -> FileType.JPEG;
            case GIF -> FileType.GIF;
            case TEXT -> FileType.TEXT;
            case UNKNOWN -> null;
        };
        return type != null && type.hasExtension(ext) ? type : null;
    }

    /** A zip is an Office document only with a content-types part and the main folder of one application. */
    private static Content ooxml(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            boolean word = false;
            boolean powerpoint = false;
            boolean excel = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                powerpoint |= name.startsWith("ppt/");
                excel |= name.startsWith("xl/");
            }
            if (!contentTypes) {
                return Content.UNKNOWN;
            }
            return word ? Content.WORD : powerpoint ? Content.POWERPOINT : excel ? Content.EXCEL : Content.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return Content.UNKNOWN;
        }
    }

    /** Strict UTF-8 throughout, no NUL byte, and nothing near the start that a browser could take for a page. */
    private static boolean isPlainText(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder start = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            int n;
            while ((n = reader.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\0') {
                        return false;
                    }
                }
                if (start.length() < MARKUP_WINDOW) {
                    start.append(buffer, 0, Math.min(n, MARKUP_WINDOW - start.length()));
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
        return !looksLikeMarkup(start.toString());
    }

    static boolean looksLikeMarkup(String start) {
        String text = start.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("<")) {
            return true;
        }
        return MARKUP.stream().anyMatch(text::contains);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
