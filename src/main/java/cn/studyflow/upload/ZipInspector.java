package cn.studyflow.upload;

import cn.studyflow.common.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import lombok.RequiredArgsConstructor;
import org.apache.tika.mime.MediaType;

/**
 * Opens a zip-based upload before anyone else does: refuses it when it would inflate beyond the limits (the
 * sizes its directory declares, and then the bytes that really come out, since a directory can lie), and
 * tells which Office application's document it is from the folders inside.
 */
@RequiredArgsConstructor
final class ZipInspector {

    static final MediaType DOCX = MediaType.parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType PPTX = MediaType.parse("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    static final MediaType XLSX = MediaType.parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Entries smaller than this are not held to the ratio: a short XML part can compress very well. */
    private static final long RATIO_GRACE = 1024 * 1024;

    private final UploadProperties limits;

    /**
     * The Office document type of the zip, or {@link MediaType#OCTET_STREAM} when it is no Office document or
     * no readable zip at all. Throws the refusal {@code upload.error.archive} when it breaks a limit.
     */
    MediaType inspect(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw refusal();
            }
            checkDeclaredSizes(zip);
            return officeType(zip, fileSize);
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a broken zip (bad directory, truncated or corrupt data, malformed names) is no document
            return MediaType.OCTET_STREAM;
        }
    }

    private void checkDeclaredSizes(ZipFile zip) {
        long max = limits.maxInflatedSize().toBytes();
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            if (size < 0) {
                continue;
            }
            total += size;
            if (size > max || total > max || tooCompressed(size, entry.getCompressedSize())) {
                throw refusal();
            }
        }
    }

    /** Inflates every entry, counting the bytes as they come and stopping at the first limit they cross. */
    private MediaType officeType(ZipFile zip, long fileSize) throws IOException {
        long max = limits.maxInflatedSize().toBytes();
        long total = 0;
        boolean contentTypes = false;
        boolean word = false;
        boolean powerpoint = false;
        boolean excel = false;
        byte[] buffer = new byte[64 * 1024];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            contentTypes |= name.equals("[Content_Types].xml");
            word |= name.startsWith("word/");
            powerpoint |= name.startsWith("ppt/");
            excel |= name.startsWith("xl/");
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    inflated += n;
                    total += n;
                    if ((entry.getSize() >= 0 && inflated > entry.getSize()) || total > max
                        || tooCompressed(inflated, entry.getCompressedSize())
                        || tooCompressed(total, fileSize)) {
                        throw refusal();
                    }
                }
            }
        }
        if (!contentTypes) {
            return MediaType.OCTET_STREAM;
        }
        return word ? DOCX : powerpoint ? PPTX : excel ? XLSX : MediaType.OCTET_STREAM;
    }

    private boolean tooCompressed(long inflated, long compressed) {
        return inflated > RATIO_GRACE && compressed >= 0 && inflated > Math.max(compressed, 1) * limits.maxCompressionRatio();
    }

    private BusinessException refusal() {
        return BusinessException.invalid("upload.error.archive", limits.maxInflatedMegabytes(), limits.maxEntries(),
            limits.maxCompressionRatio());
    }
}
