package cn.studyflow.makeup;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;

/**
 * What a make-up's file may be, judged from its content by {@code upload.ContentDetector}: a document, a scan or
 * plain text. Never HTML, never an executable.
 */
public enum MakeupFileType implements UploadType {
    PDF(MediaKind.PDF),
    DOCX(MediaKind.DOCX),
    DOC(MediaKind.DOC),
    PNG(MediaKind.PNG),
    JPEG(MediaKind.JPEG),
    TEXT(MediaKind.TEXT);

    private final MediaKind kind;

    MakeupFileType(MediaKind kind) {
        this.kind = kind;
    }

    @Override
    public MediaKind kind() {
        return kind;
    }
}
