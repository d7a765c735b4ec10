package cn.studyflow.material;

import cn.studyflow.upload.ContentDetector;
import cn.studyflow.upload.FileStore;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Material files under {@code ${studyflow.data-dir}/files/}, kept by {@link FileStore}: checked by name, size and
 * content before they land, and gone again when the transaction that records them rolls back.
 */
@Component
class MaterialFiles {

    /** Every kind of file a material may be. */
    private static final Set<FileType> ALLOWED = EnumSet.allOf(FileType.class);
    private static final String ERRORS = "material.error";

    private final FileStore store;
    private final MaterialProperties properties;

    MaterialFiles(@Value("${studyflow.data-dir}") String dataDir, MaterialProperties properties,
                  ContentDetector detector) {
        this.store = new FileStore(Path.of(dataDir).resolve("files"), detector, ERRORS);
        this.properties = properties;
    }

    /** The version of a material this stored file is, uploaded by a person at a time. */
    static MaterialVersion asVersion(FileStore.Stored<FileType> file, long materialId, int versionNo, long uploadedBy,
                                     OffsetDateTime uploadedAt) {
        MaterialVersion v = file.into(new MaterialVersion());
        v.setMaterialId(materialId);
        v.setVersionNo(versionNo);
        v.setUploadedBy(uploadedBy);
        v.setUploadedAt(uploadedAt);
        return v;
    }

    /**
     * Checks an upload and stores it; must run inside the transaction that records it. Refusals are
     * {@link cn.studyflow.common.BusinessException}s with a message for the uploader, and leave nothing behind.
     */
    FileStore.Stored<FileType> store(MultipartFile upload) {
        return store.store(upload, ALLOWED, properties.maxFileSize().toBytes());
    }

    Resource open(String storedName) {
        return store.open(storedName);
    }

    /** See {@link FileStore#checkName}. */
    static String checkName(String original) {
        return FileStore.checkName(original, ERRORS);
    }

    static String extension(String name) {
        return ContentDetector.extension(name);
    }
}
