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

    // the formats the features accept, each written once; a feature's enum picks those it allows
    public static final MediaKind PDF = of("application/pdf", "pdf");
    public static final MediaKind DOCX = of(OFFICE_OPEN_XML + "wordprocessingml.document", "docx");
    public static final MediaKind XLSX = of(OFFICE_OPEN_XML + "spreadsheetml.sheet", "xlsx");
    public static final MediaKind PPTX = of(OFFICE_OPEN_XML + "presentationml.presentation", "pptx");
    public static final MediaKind DOC = of("application/msword", "doc");
    public static final MediaKind XLS = of("application/vnd.ms-excel", "xls");
    public static final MediaKind PPT = of("application/vnd.ms-powerpoint", "ppt");
    public static final MediaKind PNG = of("image/png", "png");
    public static final MediaKind JPEG = of("image/jpeg", "jpg", "jpeg");
    public static final MediaKind GIF = of("image/gif", "gif");
    public static final MediaKind TEXT = of("text/plain;charset=UTF-8", "txt");
    public static final MediaKind MP4 = of("video/mp4", "mp4", "m4v");
    public static final MediaKind MOV = of("video/quicktime", "mov");
    public static final MediaKind WEBM = of("video/webm", "webm");

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
