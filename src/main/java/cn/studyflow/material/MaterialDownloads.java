package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a material file leaves StudyFlow: always as an attachment under its original name (RFC 5987 for
 * names beyond ASCII), with the content type its bytes were found to be and no sniffing, so that no
 * browser ever renders an upload as a page.
 */
final class MaterialDownloads {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private MaterialDownloads() {
    }

    /** Version {@code no} of a material the user may read, as the page and the API both hand it out. */
    static ResponseEntity<Resource> response(MaterialService materials, long id, int no, CurrentUser user) {
        Material m = materials.get(id, user);
        MaterialVersion version = materials.version(m, no);
        return response(m, version, materials.file(version));
    }

    static ResponseEntity<Resource> response(Material material, MaterialVersion version, Resource file) {
        try {
            return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(version.getFileType().contentType()))
                .contentLength(file.contentLength())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(version.getOriginalName(),
                    "material-" + material.getId() + "-v" + version.getVersionNo()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code attachment; filename="<ascii>"; filename*=UTF-8''<name>}. Old clients read the plain name: the
     * original if it is printable ASCII, else {@code fallbackBase} with the original extension.
     */
    static String contentDisposition(String name, String fallbackBase) {
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
        String extension = MaterialFiles.extension(name);
        String plain = ascii ? name : fallbackBase + (extension.isEmpty() ? "" : "." + extension);
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encode(name);
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
