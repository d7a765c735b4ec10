package cn.studyflow.session;

import cn.studyflow.upload.StoredFileRow;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A photo or the sign-in sheet of a session, stored under a generated name; {@code uploaderName} for the page. */
@Getter
@Setter
public class SessionFile implements StoredFileRow<SessionFileType> {

    private Long id;
    private long sessionId;
    private SessionFileKind kind;
    private String storedName;
    private String originalName;
    private SessionFileType fileType;
    private long sizeBytes;
    private String sha256;
    /** Of the file's bytes, for the year's archive; none for files stored before it was kept. */
    private Long crc32;
    private long uploadedBy;
    private String uploaderName;
    private OffsetDateTime uploadedAt;
}
