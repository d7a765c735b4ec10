package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.upload.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

/**
 * How a material file leaves StudyFlow: always as an attachment under its original name (RFC 5987 for
 * names beyond ASCII), with the content type its bytes were found to be and no sniffing, so that no
 * browser ever renders an upload as a page.
 */
final class MaterialDownloads {

    private MaterialDownloads() {
    }

    /** Version {@code no} of a material the user may read, as the page and the API both hand it out. */
    static ResponseEntity<Resource> response(MaterialService materials, long id, int no, CurrentUser user) {
        Material m = materials.get(id, user);
        MaterialVersion version = materials.version(m, no);
        return response(m, version, materials.file(version));
    }

    static ResponseEntity<Resource> response(Material material, MaterialVersion version, Resource file) {
        return Downloads.response(file, version.getFileType(), version.getOriginalName(),
            "material-" + material.getId() + "-v" + version.getVersionNo(), false);
    }

    /** See {@link Downloads#contentDisposition}. */
    static String contentDisposition(String name, String fallbackBase) {
        return Downloads.contentDisposition(name, fallbackBase);
    }
}
