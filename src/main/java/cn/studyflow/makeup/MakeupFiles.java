package cn.studyflow.makeup;

import cn.studyflow.upload.UploadField;
import cn.studyflow.common.BusinessException;
import cn.studyflow.upload.ContentDetector;
import cn.studyflow.upload.Downloads;
import cn.studyflow.upload.FileStore;
import java.nio.file.Path;
import java.util.EnumSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The optional file of a make-up, under {@code ${studyflow.data-dir}/makeup-files/}, checked by its content as
 * materials and session files are (an executable or a disguised file is refused, and nothing is left behind), and
 * downloaded as an attachment under its original name.
 */
@Component
class MakeupFiles {

    private final FileStore store;
    private final MakeupProperties properties;

    MakeupFiles(@Value("${studyflow.data-dir}") String dataDir, ContentDetector detector, MakeupProperties properties) {
        this.store = new FileStore(Path.of(dataDir).resolve("makeup-files"), detector, "makeup.error");
        this.properties = properties;
    }

    /** Whether the form carried a file at all: an empty file input sends a part with no name and no bytes. */
    static boolean given(MultipartFile upload) {
        return upload != null && !(upload.isEmpty() && (upload.getOriginalFilename() == null
            || upload.getOriginalFilename().isBlank()));
    }

    /** Checks and keeps the file on the make-up; must run in the transaction that saves it. */
    void attach(Makeup m, MultipartFile upload) {
        FileStore.Stored<MakeupFileType> stored = store.store(upload, EnumSet.allOf(MakeupFileType.class),
            properties.maxFileSize().toBytes());
        m.setFileStoredName(stored.storedName());
        m.setFileName(stored.originalName());
        m.setFileType(stored.type());
        m.setFileSize(stored.size());
        m.setFileSha256(stored.sha256());
        m.setFileCrc32(stored.crc32());
    }

    ResponseEntity<Resource> download(Makeup m) {
        if (m.getFileStoredName() == null) {
            throw BusinessException.notFound();
        }
        return Downloads.response(store.open(m.getFileStoredName()), m.getFileType(), m.getFileName(),
            "makeup-" + m.getId(), false);
    }

    /** The file handed in with a make-up, for the archive of its year. */
    Resource open(Makeup m) {
        return store.open(m.getFileStoredName());
    }

    /** What the make-up file field accepts, as the page states it and the browser checks it. */
    UploadField uploadField() {
        return UploadField.of(properties.maxFileSize(), MakeupFileType.values());
    }
}
