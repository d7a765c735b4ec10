package cn.studyflow.upload;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The media type of a kind of file and its extensions, kept once for the enums that implement {@link UploadType}:
 * each constant holds one and answers {@link UploadType#contentType()} and {@link UploadType#extensions()} from it.
 */
public record MediaKind(String contentType, List<String> extensions) {

    /** Formats whose bytes are compressed already: deflating them again gains a few per cent at most. */
    private static final Set<String> COMPRESSED = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
        "application/pdf", "application/zip", "video/mp4", "video/quicktime", "video/webm", "audio/mpeg");

    /** Office Open XML (.docx, .xlsx, .pptx) files are zip files. */
    private static final String OFFICE_OPEN_XML = "application/vnd.openxmlformats-officedocument.";

    public static MediaKind of(String contentType, String... extensions) {
        return new MediaKind(contentType, List.of(extensions));
    }

    /** Whether files of this kind are compressed already (photos, video, PDF, zip and Office Open XML files). */
    public boolean compressed() {
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String bare = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return COMPRESSED.contains(bare) || bare.startsWith(OFFICE_OPEN_XML);
    }
}
