package cn.studyflow.material;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;

/**
 * The kinds of file a material may be, each with the content type it is served as and the file name
 * extensions that go with it: the allowlist that {@code upload.ContentDetector} holds uploads to.
 * Never HTML: a download is never rendered by the browser as a page; only images are ever served inline.
 */
public enum FileType implements UploadType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOC("application/msword", "doc"),
    PPT("application/vnd.ms-powerpoint", "ppt"),
    XLS("application/vnd.ms-excel", "xls"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif"),
    TEXT("text/plain;charset=UTF-8", "txt");

    private final MediaKind kind;

    FileType(String contentType, String... extensions) {
        this.kind = MediaKind.of(contentType, extensions);
    }

    @Override
    public MediaKind kind() {
        return kind;
    }

    /**
     * How the material page shows a file of this kind: {@code pdf} (pdf.js), {@code image} (an img, served
     * inline), {@code docx} (docx-preview), or {@code null} when it is only downloaded.
     */
    public String preview() {
        return switch (this) {
            case PDF -> "pdf";
            case PNG, JPEG, GIF -> "image";
            case DOCX -> "docx";
            default -> null;
        };
    }
}
