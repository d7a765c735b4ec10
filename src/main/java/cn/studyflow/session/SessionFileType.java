package cn.studyflow.session;

import cn.studyflow.upload.UploadType;
import java.util.EnumSet;
import java.util.List;
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

    private final String contentType;
    private final List<String> extensions;

    SessionFileType(String contentType, String... extensions) {
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

    public boolean isImage() {
        return IMAGES.contains(this);
    }
}
