package cn.studyflow.lecture;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;
import java.util.EnumSet;
import java.util.Set;

/** What an entry's slides and video may be, checked from the content by {@code upload.ContentDetector}. */
public enum LectureFileType implements UploadType {
    PDF(MediaKind.PDF),
    PPTX(MediaKind.PPTX),
    PPT(MediaKind.PPT),
    MP4(MediaKind.MP4),
    MOV(MediaKind.MOV),
    WEBM(MediaKind.WEBM);

    static final Set<LectureFileType> SLIDES = EnumSet.of(PDF, PPTX, PPT);
    static final Set<LectureFileType> VIDEO = EnumSet.of(MP4, MOV, WEBM);

    private final MediaKind kind;

    LectureFileType(MediaKind kind) {
        this.kind = kind;
    }

    @Override
    public MediaKind kind() {
        return kind;
    }
}
