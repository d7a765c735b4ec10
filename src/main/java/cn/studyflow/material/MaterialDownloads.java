package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.upload.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

/**
 * How a material file leaves StudyFlow: as an attachment under its original name (RFC 5987 for names beyond
 * ASCII), or inline when it is an image shown in the page, always with the content type its bytes were found to
 * be and no sniffing, so that no browser ever renders an upload as a page.
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
        return response(material, version, file, false);
    }

    /**
     * Version {@code no} to be shown in the page, with the same scope check as the download: an image its
     * content was found to be is served inline, anything else stays an attachment.
     */
    static ResponseEntity<Resource> inline(MaterialService materials, long id, int no, CurrentUser user) {
        Material m = materials.get(id, user);
        MaterialVersion version = materials.version(m, no);
        return response(m, version, materials.file(version), "image".equals(version.getFileType().preview()));
    }

    private static ResponseEntity<Resource> response(Material material, MaterialVersion version, Resource file,
                                                     boolean inline) {
        return Downloads.response(file, version.getFileType(), version.getOriginalName(),
            "material-" + material.getId() + "-v" + version.getVersionNo(), inline);
    }

    /** See {@link Downloads#contentDisposition}. */
    static String contentDisposition(String name, String fallbackBase) {
        return Downloads.contentDisposition(name, fallbackBase);
    }
}
