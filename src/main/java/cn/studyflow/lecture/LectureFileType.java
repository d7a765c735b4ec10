package cn.studyflow.lecture;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;
import java.util.EnumSet;
import java.util.Set;

/** What an entry's slides and video may be, checked from the content by {@code upload.ContentDetector}. */
public enum LectureFileType implements UploadType {
    PDF("application/pdf", "pdf"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    PPT("application/vnd.ms-powerpoint", "ppt"),
    MP4("video/mp4", "mp4", "m4v"),
    MOV("video/quicktime", "mov"),
    WEBM("video/webm", "webm");

    static final Set<LectureFileType> SLIDES = EnumSet.of(PDF, PPTX, PPT);
    static final Set<LectureFileType> VIDEO = EnumSet.of(MP4, MOV, WEBM);

    private final MediaKind kind;

    LectureFileType(String contentType, String... extensions) {
        this.kind = MediaKind.of(contentType, extensions);
    }

    @Override
    public MediaKind kind() {
        return kind;
    }
}
