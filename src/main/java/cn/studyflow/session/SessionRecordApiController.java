package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** After a session, by the API: mark it held, write the minutes, attach and read its photos and sign-in sheet. */
@RestController
@RequestMapping("/api/sessions/{id}")
@Tag(name = "sessions", description = "Study sessions (学习会)")
@RequiredArgsConstructor
class SessionRecordApiController {

    /** What marking a session held did. */
    record Held(long sessionId, int markedAbsent) {
    }

    /** The minutes to write, at the session's version the caller read. */
    record Minutes(Integer version, String minutes) {
    }

    /** A file of a session as the API shows it (never its stored name). */
    record FileView(long id, SessionFileKind kind, String name, SessionFileType type, long sizeBytes, String sha256,
                    String uploadedBy, OffsetDateTime uploadedAt) {
        static FileView of(SessionFile f) {
            return new FileView(f.getId(), f.getKind(), f.getOriginalName(), f.getFileType(), f.getSizeBytes(),
                f.getSha256(), f.getUploaderName(), f.getUploadedAt());
        }
    }

    private final SessionRecords records;
    private final SessionFiles files;
    private final SessionAccess access;

    @PostMapping("/held")
    @Operation(summary = "Mark a session held (secretary or leader, on or after its day): everyone still expected "
        + "becomes absent; send the version you read")
    Held markHeld(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Integer version) {
        return new Held(id, records.markHeld(id, user, version));
    }

    @PutMapping("/minutes")
    @Operation(summary = "Write the minutes of a held session (at most 20,000 characters); send the version you read")
    void minutes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Minutes body) {
        records.writeMinutes(id, user, body.version(), body.minutes());
    }

    @GetMapping("/files")
    @Operation(summary = "The photos and sign-in sheets of a session I see")
    List<FileView> files(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        access.visible(user, id);
        return files.of(id).stream().map(FileView::of).toList();
    }

    @PostMapping(value = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a photo (kind=PHOTO: jpg, png) or the sign-in sheet (kind=SHEET: also pdf, xlsx, docx), "
        + "checked by content")
    FileView attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(required = false) SessionFileKind kind,
                    @RequestPart(required = false) MultipartFile file) {
        SessionFile f = files.attach(id, user, kind, file);
        f.setUploaderName(user.getDisplayName());
        return FileView.of(f);
    }

    @GetMapping("/files/{fileId}")
    @Operation(summary = "One file of a session I see")
    ResponseEntity<Resource> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @PathVariable long fileId) {
        return files.download(id, fileId, user);
    }
}
