package cn.studyflow.material;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;

/**
 * The kinds of file a material may be, each with the content type it is served as and the file name
 * extensions that go with it: the allowlist that {@code upload.ContentDetector} holds uploads to.
 * Never HTML: a download is never rendered by the browser as a page; only images are ever served inline.
 */
public enum FileType implements UploadType {
    PDF(MediaKind.PDF),
    DOCX(MediaKind.DOCX),
    PPTX(MediaKind.PPTX),
    XLSX(MediaKind.XLSX),
    DOC(MediaKind.DOC),
    PPT(MediaKind.PPT),
    XLS(MediaKind.XLS),
    PNG(MediaKind.PNG),
    JPEG(MediaKind.JPEG),
    GIF(MediaKind.GIF),
    TEXT(MediaKind.TEXT);

    private final MediaKind kind;

    FileType(MediaKind kind) {
        this.kind = kind;
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
