package cn.studyflow.session;

import cn.studyflow.upload.UploadField;
import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.ActionLog;
import cn.studyflow.upload.ContentDetector;
import cn.studyflow.upload.Downloads;
import cn.studyflow.upload.FileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and the sign-in sheet of a held session, under {@code ${studyflow.data-dir}/session-files/}, checked by
 * content as materials are: a refused file leaves no row and no file. Those who see the session see its images in
 * the page and download the rest.
 */
@Service
public class SessionFiles {

    static final String ACTION_FILE = "SESSION_FILE";

    private final FileStore store;
    private final SessionAccess access;
    private final SessionRecordMapper records;
    private final ActionLog actionLog;
    private final SessionRecordProperties properties;
    private final Clock clock;

    SessionFiles(@Value("${studyflow.data-dir}") String dataDir, ContentDetector detector, SessionAccess access,
                 SessionRecordMapper records, ActionLog actionLog, SessionRecordProperties properties, Clock clock) {
        this.store = new FileStore(Path.of(dataDir).resolve("session-files"), detector, "sessionrecord.error");
        this.access = access;
        this.records = records;
        this.actionLog = actionLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps a photo or the sign-in sheet of a held session the user runs. */
    @Transactional
    public SessionFile attach(long sessionId, CurrentUser user, SessionFileKind kind, MultipartFile upload) {
        StudySession s = access.open(access.run(user, sessionId));
        if (!SessionService.HELD.equals(s.getStatus())) {
            throw BusinessException.conflict("sessionrecord.error.notHeld");
        }
        if (kind == null) {
            throw BusinessException.invalid("sessionrecord.error.kind");
        }
        FileStore.Stored<SessionFileType> stored = store.store(upload, kind.allowed(), properties.maxFileSize().toBytes());
        SessionFile f = stored.into(new SessionFile());
        f.setSessionId(sessionId);
        f.setKind(kind);
        f.setUploadedBy(user.getPersonId());
        f.setUploadedAt(OffsetDateTime.now(clock));
        records.insertFile(f);
        actionLog.record(SessionRecords.ref(sessionId), null, null, ACTION_FILE, user, stored.originalName());
        return f;
    }

    public List<SessionFile> of(long sessionId) {
        return records.selectFiles(sessionId);
    }

    /** A file of a session the user sees: images shown in the page, other files as attachments; 404 otherwise. */
    public ResponseEntity<Resource> download(long sessionId, long fileId, CurrentUser user) {
        access.visible(user, sessionId);
        SessionFile f = records.selectFile(sessionId, fileId);
        if (f == null) {
            throw BusinessException.notFound();
        }
        return Downloads.response(store.open(f.getStoredName()), f.getFileType(), f.getOriginalName(),
            "session-" + sessionId + "-" + fileId, f.getFileType().isImage());
    }

    /** A file's bytes, for the archive of its year. */
    org.springframework.core.io.Resource open(SessionFile f) {
        return store.open(f.getStoredName());
    }

    /** What the session file field accepts (any kind's types), as the page states it and the browser checks it. */
    public UploadField uploadField() {
        return UploadField.of(properties.maxFileSize(), SessionFileType.values());
    }
}
