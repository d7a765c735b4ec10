package cn.studyflow.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an uploaded file leaves StudyFlow: under its original name (RFC 5987 for names beyond ASCII), with the
 * content type its bytes were found to be, no sniffing and a sandbox, so that no browser ever renders an upload as
 * a page.
 */
public final class Downloads {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    /**
     * The file as a response: {@code inline} shows it in the browser (only for images the content was found to
     * be), otherwise it is an attachment. {@code fallbackBase} names it for clients that read only ASCII names.
     */
    public static ResponseEntity<Resource> response(Resource file, UploadType type, String name, String fallbackBase,
                                                    boolean inline) {
        try {
            String disposition = contentDisposition(name, fallbackBase);
            return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type.contentType()))
                .contentLength(file.contentLength())
                .header(HttpHeaders.CONTENT_DISPOSITION, inline ? disposition.replaceFirst("^attachment", "inline")
                    : disposition)
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
    public static String contentDisposition(String name, String fallbackBase) {
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
        String extension = ContentDetector.extension(name);
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
