package cn.studyflow.upload;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Files as a person's computer (or an attacker's) would send them, for every feature that takes uploads. */
public final class UploadSamples {

    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
    /** The start of the legacy Office container (OLE2), the same for .doc, .xls and .ppt. */
    public static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    /** The main part of a Word document; the zip bombs below put their payload there. */
    public static final String WORD_MAIN = "word/document.xml";

    private static final Map<Long, Path> BUILT = new HashMap<>();

    private UploadSamples() {
    }

    /** A real picture, as a camera or a scanner would save it ({@code png} or {@code jpg}). */
    public static byte[] image(String format) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xC00000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip shaped like an Office document whose application folder is {@code mainFolder} (word, ppt, xl). */
    public static byte[] ooxml(String mainFolder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : List.of("[Content_Types].xml", "_rels/.rels", mainFolder + "/document.xml")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows program: "MZ", a DOS stub and NUL bytes. */
    public static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 78, stub.length);
        return bytes;
    }

    /**
     * A .docx whose main part is {@code inflated} zero bytes, written as a stream: a gigabyte compresses to
     * about a megabyte and is never held in memory. Built once per size and test run, then copied.
     */
    public static synchronized Path zerosDocx(Path dir, long inflated) throws IOException {
        Path built = BUILT.get(inflated);
        if (built == null) {
            built = Files.createTempFile("studyflow-zeros-" + inflated, ".docx");
            built.toFile().deleteOnExit();
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(built)))) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(WORD_MAIN));
                writeZeros(zip, inflated);
                zip.closeEntry();
            }
            BUILT.put(inflated, built);
        }
        return Files.copy(built, Files.createTempFile(dir, "bomb", ".docx"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The same, but its directory declares that the main part inflates to only {@code declared} bytes: a lie
     * that a check of the declared sizes alone would believe.
     */
    public static Path lyingDocx(Path dir, long inflated, int declared) throws IOException {
        Path file = zerosDocx(dir, inflated);
        byte[] zip = Files.readAllBytes(file);
        byte[] name = WORD_MAIN.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        // the central directory header of the main part: signature PK\1\2, the sizes at 20 and 24, the name at 46
        for (int i = zip.length - 46 - name.length; i >= 0; i--) {
            if (buffer.getInt(i) == 0x02014b50 && buffer.getShort(i + 28) == name.length
                && java.util.Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                buffer.putInt(i + 24, declared);
                Files.write(file, zip);
                return file;
            }
        }
        throw new IllegalStateException("no directory entry for " + WORD_MAIN);
    }

    /** A .docx with {@code entries} small parts besides the ones a Word document needs. */
    public static Path manyPartsDocx(Path dir, int entries) throws IOException {
        Path file = Files.createTempFile(dir, "parts", ".docx");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (String entry : List.of("[Content_Types].xml", WORD_MAIN)) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("word/media/p" + i + ".xml"));
                zip.write('x');
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1024 * 1024];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }
}
