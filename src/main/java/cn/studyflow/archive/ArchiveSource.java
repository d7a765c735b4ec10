package cn.studyflow.archive;

import cn.studyflow.upload.UploadType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.core.io.Resource;

/**
 * What a feature holds of an organisation's year for its archive (学习档案): a count, the rows of its section in
 * the summary document, and its files. Each feature implements it over its own tables, so that {@code archive}
 * reads none of them. Rows are read when asked; file contents are only described, and copied as streams when the
 * archive is written, so that no year sits in memory.
 */
public interface ArchiveSource {

    /** This feature's part of {@code orgId}'s archive of {@code year}, labels in {@code locale}. */
    ArchivePart part(long orgId, int year, Locale locale);

    /**
     * Brings what the part is derived from up to date before the archive is read, in a transaction of its own
     * (the credit ledger, say); most parts read what happened and have nothing to do.
     */
    default void prepare(long orgId, int year) {
    }

    /**
     * One part of the archive: its place among the parts ({@code order}), its heading's message key, how many
     * items it holds, its table in the summary (heads and rows in the reader's language), the sessions it
     * declares (only the session feature does: they give the folders by month and session) and its files.
     */
    record ArchivePart(int order, String titleKey, int count, List<String> heads, List<List<String>> rows,
                       List<ArchiveSession> sessions, List<ArchiveFile> files) {

        public ArchivePart {
            heads = List.copyOf(heads);
            rows = List.copyOf(rows);
            sessions = List.copyOf(sessions);
            files = List.copyOf(files);
        }

        /** A part without sessions of its own. */
        public ArchivePart(int order, String titleKey, int count, List<String> heads, List<List<String>> rows,
                           List<ArchiveFile> files) {
            this(order, titleKey, count, heads, rows, List.of(), files);
        }
    }

    /** A session of the year: its folder is named from its month, day (null while unscheduled) and title. */
    record ArchiveSession(long id, int month, LocalDate day, String title) {
    }

    /**
     * One file of the archive. With a {@code sessionId} it lies in that session's folder (under {@code folder}
     * when not blank); without one, in the top-level {@code folder} (blank: the archive's root).
     */
    record ArchiveFile(Long sessionId, String folder, String name, Content content) {

        public static ArchiveFile atRoot(String name, Content content) {
            return new ArchiveFile(null, "", name, content);
        }

        public static ArchiveFile inFolder(String folder, String name, Content content) {
            return new ArchiveFile(null, folder, name, content);
        }

        public static ArchiveFile ofSession(long sessionId, String folder, String name, Content content) {
            return new ArchiveFile(sessionId, folder, name, content);
        }
    }

    /**
     * Writes a file's bytes when the archive is written, after the request's reads: a stored upload copied as a
     * stream ({@link StoredFile}), or a document built from rows read before. It must not close {@code out}.
     */
    @FunctionalInterface
    interface Content {

        void writeTo(OutputStream out) throws IOException;

        /** A stored upload of {@code type} (its detected type), opened only when its turn comes. */
        static Content copyOf(Supplier<? extends Resource> file, UploadType type) {
            return new StoredFile(file, type != null && type.compressed(), null);
        }

        /**
         * The same, with the size and CRC-32 kept when it was stored ({@code crc32} null for a file stored before
         * they were kept), so that the archive reads it once.
         */
        static Content copyOf(Supplier<? extends Resource> file, UploadType type, Long size, Long crc32) {
            return new StoredFile(file, type != null && type.compressed(),
                size == null || crc32 == null ? null : new Checksum(size, crc32));
        }
    }

    /** A stored file's size and CRC-32, as they were when it was stored. */
    record Checksum(long size, long crc32) {
    }

    /**
     * A stored upload, opened only when its turn comes and copied as a stream. When its type is {@code compressed}
     * already (photos, video, PDF, Office Open XML) the archive keeps its bytes as they are instead of deflating them
     * again, which would gain nothing and cost the download most of its speed. {@code kept} is its size and CRC-32
     * from when it was stored, or null.
     */
    record StoredFile(Supplier<? extends Resource> file, boolean compressed, Checksum kept) implements Content {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = file.get().getInputStream()) {
                in.transferTo(out);
            }
        }
    }
}
