package cn.studyflow.material;

import cn.studyflow.common.BusinessException;
import cn.studyflow.upload.ContentDetector;
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
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Material files under {@code ${studyflow.data-dir}/files/}, outside the web root, under generated names.
 * An upload is checked in a scratch file first (name, size, and type from the content by {@link ContentDetector},
 * zip bombs included) and only then moved to its place; when the transaction that records it rolls back, the
 * file goes too.
 */
@Component
class MaterialFiles {

    /** Longest file name kept; longer names are refused rather than cut. */
    static final int MAX_NAME_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(MaterialFiles.class);

    /** Every kind of file a material may be. */
    private static final Set<FileType> ALLOWED = EnumSet.allOf(FileType.class);

    private final Path root;
    private final Path incoming;
    private final MaterialProperties properties;
    private final ContentDetector detector;

    MaterialFiles(@Value("${studyflow.data-dir}") String dataDir, MaterialProperties properties,
                  ContentDetector detector) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
        this.incoming = root.resolve(".incoming");
        this.properties = properties;
        this.detector = detector;
    }

    /** A file that passed every check and lies in its place. */
    record StoredFile(String storedName, String originalName, FileType type, long size, String sha256) {
    }

    /**
     * Checks an upload and stores it; must run inside the transaction that records it. Refusals are
     * {@link BusinessException}s with a message for the uploader, and leave nothing behind.
     */
    StoredFile store(MultipartFile upload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Material files are stored inside the transaction that records them");
        }
        if (upload == null || (upload.isEmpty() && blank(upload.getOriginalFilename()))) {
            throw BusinessException.invalid("material.error.fileRequired");
        }
        String name = checkName(upload.getOriginalFilename());
        if (upload.getSize() == 0) {
            throw BusinessException.invalid("material.error.fileEmpty");
        }
        if (upload.getSize() > properties.maxFileSize().toBytes()) {
            throw new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, "material.error.fileTooLarge",
                properties.maxFileMegabytes());
        }
        String storedName = UUID.randomUUID().toString();
        Path scratch = null;
        try {
            Files.createDirectories(incoming);
            scratch = incoming.resolve(storedName + ".part");
            String sha256 = copy(upload, scratch);
            long size = Files.size(scratch);
            if (size == 0) {
                throw BusinessException.invalid("material.error.fileEmpty");
            }
            FileType type = detector.detect(scratch, name, ALLOWED);
            Path target = root.resolve(storedName);
            move(scratch, target);
            scratch = null;
            deleteOnRollback(target);
            return new StoredFile(storedName, name, type, size, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        } finally {
            if (scratch != null) {
                deleteQuietly(scratch);
            }
        }
    }

    Resource open(String storedName) {
        Path file = root.resolve(storedName).normalize();
        if (!file.getParent().equals(root) || !Files.isRegularFile(file)) {
            log.error("Material file {} is missing", storedName);
            throw BusinessException.notFound();
        }
        return new FileSystemResource(file);
    }

    /**
     * The name as the uploader's computer gave it, which must be a plain file name: no folders (so no
     * {@code ../../x}), no control or direction-changing characters, not too long.
     */
    static String checkName(String original) {
        if (blank(original)) {
            throw BusinessException.invalid("material.error.fileName");
        }
        String name = original.strip();
        if (name.length() > MAX_NAME_LENGTH || name.equals(".") || name.equals("..")) {
            throw BusinessException.invalid("material.error.fileName");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int type = Character.getType(c);
            if (c == '/' || c == '\\' || c == ':' || type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw BusinessException.invalid("material.error.fileName");
            }
        }
        return name;
    }

    static String extension(String name) {
        return ContentDetector.extension(name);
    }

    private static String copy(MultipartFile upload, Path target) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = upload.getInputStream();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
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
                    log.info("Removed material file {} of a rolled back transaction", file.getFileName());
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
