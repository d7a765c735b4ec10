package cn.studyflow.session;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of file a session keeps: photos, and the sign-in sheet as a scan, a PDF or a spreadsheet. Never HTML. */
public enum SessionFileType implements UploadType {
    JPEG(MediaKind.JPEG),
    PNG(MediaKind.PNG),
    PDF(MediaKind.PDF),
    XLSX(MediaKind.XLSX),
    DOCX(MediaKind.DOCX);

    /** What a photo may be. */
    static final Set<SessionFileType> IMAGES = EnumSet.of(JPEG, PNG);

    private final MediaKind kind;

    SessionFileType(MediaKind kind) {
        this.kind = kind;
    }

    @Override
    public MediaKind kind() {
        return kind;
    }

    public boolean isImage() {
        return IMAGES.contains(this);
    }
}
