package cn.studyflow.archive;

import cn.studyflow.archive.ArchiveSource.ArchiveFile;
import cn.studyflow.archive.ArchiveSource.ArchivePart;
import cn.studyflow.archive.ArchiveSource.ArchiveSession;
import cn.studyflow.archive.ArchiveSource.Checksum;
import cn.studyflow.archive.ArchiveSource.Content;
import cn.studyflow.archive.ArchiveSource.StoredFile;
import cn.studyflow.common.BusinessException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lombok.RequiredArgsConstructor;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Writes an organisation's year as one .zip straight to the response: the table of contents and summary (.docx)
 * first, then every part's files in their folders (by month and session for what belongs to a session), each
 * copied as a stream, so that memory holds one buffer and the rows read before, never the files. Files compressed
 * already (photos, PDF, Office files) are stored as they are, the rest deflated.
 */
@Component
@RequiredArgsConstructor
class ArchiveWriter {

    private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);
    private static final int MAX_NAME = 80;
    /** The copy's buffer and the response's: large writes, few system calls. */
    private static final int BUFFER = 256 * 1024;

    private final ArchiveSummary summary;
    private final MessageSource messages;

    /** A file at its path inside the zip. */
    record Entry(String path, Content content) {
    }

    /** Every entry of the archive after the summary, with unique paths under the archive's root folder. */
    List<Entry> entries(ArchiveYear archive, Locale locale) {
        Map<Long, String> sessionFolders = sessionFolders(archive, locale);
        String others = msg("archive.folder.otherSessions", locale);
        Set<String> taken = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (ArchivePart part : archive.parts()) {
            for (ArchiveFile f : part.files()) {
                String folder = f.sessionId() == null ? "" : sessionFolders.getOrDefault(f.sessionId(), safe(others) + "/");
                if (f.folder() != null && !f.folder().isBlank()) {
                    folder += safe(f.folder()) + "/";
                }
                entries.add(new Entry(unique(folder, safe(f.name()), taken), f.content()));
            }
        }
        return entries;
    }

    /** The whole archive to {@code out}, which is left open for the caller. */
    void write(ArchiveYear archive, Locale locale, OutputStream out) throws IOException {
        String root = safe(msg("archive.zip.root", locale, archive.orgName(), String.valueOf(archive.year()))) + "/";
        List<Entry> entries = entries(archive, locale);
        String summaryName = msg("archive.file.summary", locale) + ".docx";
        byte[] buffer = new byte[BUFFER];
        // the deflater hands its output on in pieces of 512 bytes: buffered, the response sees large writes only
        OutputStream buffered = new BufferedOutputStream(CloseShieldOutputStream.wrap(out), BUFFER);
        try (ZipOutputStream zip = new ZipOutputStream(buffered, StandardCharsets.UTF_8)) {
            // what is deflated is small (the documents built here) or compresses well (text, the old Office files)
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, root + summaryName, o -> summary.write(archive, summaryName, entries, locale, o));
            for (Entry e : entries) {
                if (e.content() instanceof StoredFile file && file.compressed()) {
                    store(zip, root + e.path(), file, buffer);
                } else {
                    put(zip, root + e.path(), e.content());
                }
            }
        }
    }

    /** An entry deflated as it is written. */
    private static void put(ZipOutputStream zip, String path, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        try {
            content.writeTo(CloseShieldOutputStream.wrap(zip));
        } catch (BusinessException e) {
            missing(path, e);
        }
        zip.closeEntry();
    }

    /**
     * A file compressed already, kept as it is (a STORED entry): such an entry's header holds its size and CRC-32
     * before its bytes. Both were kept when the file was stored, so it is read once, as it is sent; a file stored
     * before they were kept, or whose size on the disk is not the one kept, is read twice, once for them and once
     * for its bytes. Deflating it instead, even at level 0, costs a copy through 512-byte pieces and makes the
     * download CPU-bound.
     */
    private static void store(ZipOutputStream zip, String path, StoredFile file, byte[] buffer) throws IOException {
        Resource resource;
        Checksum sums;
        try {
            resource = file.file().get();
            sums = file.kept() != null && file.kept().size() == resource.contentLength() ? file.kept()
                : checksum(resource, buffer);
        } catch (BusinessException e) {
            zip.putNextEntry(new ZipEntry(path));
            missing(path, e);
            zip.closeEntry();
            return;
        }
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(sums.size());
        entry.setCompressedSize(sums.size());
        entry.setCrc(sums.crc32());
        zip.putNextEntry(entry);
        try (InputStream in = resource.getInputStream()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                zip.write(buffer, 0, n);
            }
        }
        // bytes other than those the size and CRC-32 describe fail here: stored files are never changed
        zip.closeEntry();
    }

    /** A file's size and CRC-32, read from its bytes. */
    private static Checksum checksum(Resource resource, byte[] buffer) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = resource.getInputStream()) {
            for (int n; (n = in.read(buffer)) != -1; size += n) {
                crc.update(buffer, 0, n);
            }
        }
        return new Checksum(size, crc.getValue());
    }

    /** A stored file gone from the disk (FileStore logs it): the archive goes on without its bytes. */
    private static void missing(String path, BusinessException e) {
        log.warn("Archive entry {} written empty: {}", path, e.getMessageKey());
    }

    /** Each session's folder: {@code <sessions>/<yyyy-MM>/<day or month> <title>/}. */
    private Map<Long, String> sessionFolders(ArchiveYear archive, Locale locale) {
        String base = safe(msg("archive.folder.sessions", locale)) + "/";
        Map<Long, String> folders = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (ArchivePart part : archive.parts()) {
            for (ArchiveSession s : part.sessions()) {
                String month = String.format("%d-%02d", archive.year(), s.month());
                String when = s.day() == null ? month : s.day().toString();
                String folder = base + month + "/" + safe(when + " " + s.title());
                String name = folder;
                for (int n = 2; !taken.add(name); n++) {
                    name = folder + " (" + n + ")";
                }
                folders.put(s.id(), name + "/");
            }
        }
        return folders;
    }

    /** A path not taken yet in the zip: {@code name (2).ext} after {@code name.ext}. */
    private static String unique(String folder, String name, Set<String> taken) {
        String path = folder + name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(path); n++) {
            path = folder + stem + " (" + n + ")" + ext;
        }
        return path;
    }

    /** A file or folder name any unzip tool accepts: no separators, no characters Windows refuses, not too long. */
    static String safe(String name) {
        String s = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > MAX_NAME) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return s.isEmpty() ? "_" : s;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
