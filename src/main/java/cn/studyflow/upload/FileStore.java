package cn.studyflow.upload;

import cn.studyflow.common.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * A feature's uploaded files in one folder outside the web root, under generated names. An upload is checked in a
 * scratch file first (name, size, and type from the content by {@link ContentDetector}, zip bombs included) and only
 * then moved to its place; when the transaction that records it rolls back, the file goes too. Refusals use the
 * feature's own message keys, {@code <prefix>.fileRequired}, {@code .fileEmpty}, {@code .fileTooLarge} (the limit
 * in MB) and {@code .fileName}.
 */
public final class FileStore {

    /** Longest file name kept; longer names are refused rather than cut. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private final Path root;
    private final Path incoming;
    private final ContentDetector detector;
    private final String messagePrefix;

    /** The files under {@code root}; {@code messagePrefix} is e.g. {@code material.error}. */
    public FileStore(Path root, ContentDetector detector, String messagePrefix) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        this.detector = detector;
        this.messagePrefix = messagePrefix;
    }

    /**
     * A file that passed every check and lies in its place; its CRC-32 is kept for the year's archive, whose zip
     * entries of files stored as they are need it before their bytes (so the archive reads each file once).
     */
    public record Stored<T extends UploadType>(String storedName, String originalName, T type, long size, String sha256,
                                               long crc32) {

        /** Records this file on the row that keeps it; the row. */
        public <R extends StoredFileRow<T>> R into(R row) {
            row.setStoredName(storedName);
            row.setOriginalName(originalName);
            row.setFileType(type);
            row.setSizeBytes(size);
            row.setSha256(sha256);
            row.setCrc32(crc32);
            return row;
        }
    }

    /** What copying an upload into its place learned of its bytes. */
    private record Sums(String sha256, long crc32) {
    }

    /**
     * Checks an upload against {@code allowed} and at most {@code maxBytes}, and stores it; must run inside the
     * transaction that records it. Refusals are {@link BusinessException}s and leave nothing behind.
     */
    public <T extends UploadType> Stored<T> store(MultipartFile upload, Collection<T> allowed, long maxBytes) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Uploaded files are stored inside the transaction that records them");
        }
        if (upload == null || (upload.isEmpty() && blank(upload.getOriginalFilename()))) {
            throw BusinessException.invalid(messagePrefix + ".fileRequired");
        }
        String name = checkName(upload.getOriginalFilename(), messagePrefix);
        if (upload.getSize() == 0) {
            throw BusinessException.invalid(messagePrefix + ".fileEmpty");
        }
        if (upload.getSize() > maxBytes) {
            throw new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, messagePrefix + ".fileTooLarge",
                maxBytes / (1024 * 1024));
        }
        String storedName = UUID.randomUUID().toString();
        Path scratch = null;
        try {
            Files.createDirectories(incoming);
            scratch = incoming.resolve(storedName + ".part");
            Sums sums = copy(upload, scratch);
            long size = Files.size(scratch);
            if (size == 0) {
                throw BusinessException.invalid(messagePrefix + ".fileEmpty");
            }
            T type = detector.detect(scratch, name, allowed);
            Path target = root.resolve(storedName);
            move(scratch, target);
            scratch = null;
            deleteOnRollback(target);
            return new Stored<>(storedName, name, type, size, sums.sha256(), sums.crc32());
        } catch (IOException e) {
            if (diskFull(e, upload.getSize())) {
                // the scratch file goes in finally and the transaction rolls back: no file, no row
                log.warn("No space left for an upload of {} bytes under {}: {}", upload.getSize(), root, e.getMessage());
                throw new BusinessException(HttpStatus.INSUFFICIENT_STORAGE, "upload.error.diskFull");
            }
            throw new UncheckedIOException("Could not store an upload", e);
        } finally {
            if (scratch != null) {
                deleteQuietly(scratch);
            }
        }
    }

    /** A stored file; 404 (and an error in the log) when it is missing. */
    public Resource open(String storedName) {
        Path file = root.resolve(storedName).normalize();
        if (!file.getParent().equals(root) || !Files.isRegularFile(file)) {
            log.error("Stored file {} is missing under {}", storedName, root);
            throw BusinessException.notFound();
        }
        return new FileSystemResource(file);
    }

    /**
     * The name as the uploader's computer gave it, which must be a plain file name: no folders (so no
     * {@code ../../x}), no control or direction-changing characters, not too long.
     */
    public static String checkName(String original, String messagePrefix) {
        String key = messagePrefix + ".fileName";
        if (blank(original)) {
            throw BusinessException.invalid(key);
        }
        String name = original.strip();
        if (name.length() > MAX_NAME_LENGTH || name.equals(".") || name.equals("..")) {
            throw BusinessException.invalid(key);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int type = Character.getType(c);
            if (c == '/' || c == '\\' || c == ':' || type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw BusinessException.invalid(key);
            }
        }
        return name;
    }

    /**
     * Whether writing failed because the file store is full (ENOSPC, or a quota): the JDK says so only in the
     * message, so the space left is asked as well, while the scratch file still takes what it could write.
     */
    private boolean diskFull(IOException e, long needed) {
        if (e.getMessage() != null && (e.getMessage().contains("No space left") || e.getMessage().contains("quota"))) {
            return true;
        }
        try {
            return Files.getFileStore(root).getUsableSpace() < needed;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static Sums copy(MultipartFile upload, Path target) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CRC32 crc32 = new CRC32();
        try (InputStream in = upload.getInputStream();
             OutputStream out = new CheckedOutputStream(new DigestOutputStream(Files.newOutputStream(target), sha256),
                 crc32)) {
            in.transferTo(out);
        }
        return new Sums(HexFormat.of().formatHex(sha256.digest()), crc32.getValue());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteOnRollback(Path file) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteQuietly(file);
                    log.info("Removed file {} of a rolled back transaction", file.getFileName());
                }
            }
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
