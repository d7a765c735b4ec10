package cn.studyflow.session;

import cn.studyflow.upload.MediaKind;
import cn.studyflow.upload.UploadType;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of file a session keeps: photos, and the sign-in sheet as a scan, a PDF or a spreadsheet. Never HTML. */
public enum SessionFileType implements UploadType {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    /** What a photo may be. */
    static final Set<SessionFileType> IMAGES = EnumSet.of(JPEG, PNG);

    private final MediaKind kind;

    SessionFileType(String contentType, String... extensions) {
        this.kind = MediaKind.of(contentType, extensions);
    }

    @Override
    public MediaKind kind() {
        return kind;
    }

    public boolean isImage() {
        return IMAGES.contains(this);
    }
}
