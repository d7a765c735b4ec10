package cn.studyflow.makeup;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.SessionPersonRow;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.StepRunner;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The member's side: submitting the notes of a make-up (and optionally a file) while it waits for them, the first
 * time and again after a return or a withdrawal, which sends it to the secretary of the session's organisation.
 */
@Service
@RequiredArgsConstructor
public class MakeupSubmissions {

    private static final Logger log = LoggerFactory.getLogger(MakeupSubmissions.class);

    private final MakeupMapper makeups;
    private final MakeupFiles files;
    private final SessionService sessions;
    private final StepRunner steps;
    private final NotificationService notifications;
    private final MakeupProperties properties;
    private final Clock clock;

    /**
     * Submits the notes; refused with a clear message, and nothing kept, when they are too short or too long, the
     * file is refused, or the make-up does not wait for this member (someone else's is 404).
     */
    public void submit(long id, CurrentUser user, MakeupForm form, MultipartFile upload) {
        Makeup seen = withMember(id, user);
        form.validate(properties.minNotes(), properties.maxNotes());
        steps.runAt(seen.getProcessInstanceId(), MakeupStudyProcess.TASK_SUBMIT, user, step -> {
            Makeup m = withMember(id, user);
            boolean again = m.getSubmittedAt() != null;
            if (MakeupFiles.given(upload)) {
                files.attach(m, upload);
            }
            m.setNotes(form.cleanNotes());
            m.setStatus(MakeupStatus.SUBMITTED);
            m.setSubmittedAt(OffsetDateTime.now(clock));
            VersionedRow.save(m, makeups::update, clock);
            step.complete(again ? "MAKEUP_RESUBMIT" : "MAKEUP_SUBMIT", null, Map.of());
            String title = sessions.byId(m.getSessionId()).map(StudySession::getTitle).orElse("");
            String link = steps.openTask(m.getProcessInstanceId(), MakeupStudyProcess.TASK_CHECK)
                .map(TaskInfo::id).map(TasklistService::link).orElse(Makeups.link(m));
            notifications.notifyRole(m.getOrgId(), Role.SECRETARY, link, "makeup.notify.submitted",
                user, title);
            log.info("Make-up {} submitted by {} ({} characters{})", Makeups.ref(m).businessKey(),
                user.getUsername(), m.getNotes().length(), m.getFileName() == null ? "" : ", with a file");
        });
    }

    private Makeup withMember(long id, CurrentUser user) {
        Makeup m = SessionPersonRow.own(makeups.selectById(id), user);
        sessions.requireOpen(m.getSessionId());
        if (!m.getStatus().isWithMember()) {
            throw BusinessException.conflict("makeup.error.notWaiting");
        }
        return m;
    }
}
