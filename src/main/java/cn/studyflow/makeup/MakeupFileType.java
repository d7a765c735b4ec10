package cn.studyflow.makeup;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;

/**
 * What a make-up's file may be, judged from its content by {@code upload.ContentDetector}: a document, a scan or
 * plain text. Never HTML, never an executable.
 */
public enum MakeupFileType implements UploadType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    DOC("application/msword", "doc"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    TEXT("text/plain;charset=UTF-8", "txt");

    private final MediaKind kind;

    MakeupFileType(String contentType, String... extensions) {
        this.kind = MediaKind.of(contentType, extensions);
    }

    @Override
    public MediaKind kind() {
        return kind;
    }
}
