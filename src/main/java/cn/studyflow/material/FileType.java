package cn.studyflow.material;

import cn.studyflow.upload.UploadType;
import java.util.List;

/**
 * The kinds of file a material may be, each with the content type it is served as and the file name
 * extensions that go with it: the allowlist that {@code upload.ContentDetector} holds uploads to.
 * Never HTML: a download is never rendered by the browser as a page.
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

    private final String contentType;
    private final List<String> extensions;

    FileType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }
}
