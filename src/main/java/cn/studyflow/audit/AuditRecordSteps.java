package cn.studyflow.audit;

import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.task.Decision;
import cn.studyflow.task.Step;
import cn.studyflow.task.StepRunner;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.ObjectError;

/**
 * The steps after the session: an auditor files their record (巡听记录), the audited organisation's secretary
 * submits the rectification report (整改报告), and the lead auditor reviews it on the generic form. The first
 * two are found by audit and run as one step each through {@link StepRunner}.
 */
@Service
@RequiredArgsConstructor
public class AuditRecordSteps {

    private static final Logger log = LoggerFactory.getLogger(AuditRecordSteps.class);

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final AuditAccess access;
    private final AuditTasks tasks;
    private final StepRunner steps;
    private final AuditAssignments assignments;
    private final AuditNotices notices;
    private final AuditProperties properties;
    private final ClosedYears closedYears;
    private final Clock clock;

    /** The open record step of this auditor on this audit; tells a person why they may not file one. */
    public String recordTaskId(long auditId, CurrentUser user) {
        return recordTask(existing(auditId), user).id();
    }

    /** An assigned auditor files their audit record after the session. */
    public AuditRecord fileRecord(long auditId, CurrentUser user, AuditRecordForm form) {
        return steps.inTransaction(recordTaskId(auditId, user), user, () -> {
            Audit audit = existing(auditId);
            closedYears.requireOpen(audit.getOrgId(), audit.getAuditYear());
            Step step = steps.step(recordTask(audit, user), user);
            if (access.isBeforeSession(audit)) {
                throw BusinessException.invalid("audit.error.beforeSession", audit.getSessionDate().toString());
            }
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "record");
            form.validate(properties.checklist(), errors);
            if (errors.hasErrors()) {
                ObjectError first = errors.getAllErrors().get(0);
                throw BusinessException.invalid(first.getCode(),
                    first.getArguments() == null ? new Object[0] : first.getArguments());
            }
            AuditRecord record = new AuditRecord();
            record.setAuditId(auditId);
            record.setAuditorId(user.getPersonId());
            record.setExpectedAttendance(form.getExpectedAttendance());
            record.setActualAttendance(form.getActualAttendance());
            record.setScorePreparation(form.getScorePreparation());
            record.setScoreDiscussion(form.getScoreDiscussion());
            record.setScoreDiscipline(form.getScoreDiscipline());
            record.setScoreApplication(form.getScoreApplication());
            record.setFindings(form.getFindings().trim());
            record.setOnSiteComment(Audits.text(form.getOnSiteComment(), AuditRecordForm.MAX_COMMENT));
            record.setVerdict(form.getVerdict());
            record.setCreatedAt(OffsetDateTime.now(clock));
            audits.insertRecord(record);
            Set<String> checked = new LinkedHashSet<>(form.getCheckedPoints());
            for (String point : properties.checklist()) {
                audits.insertRecordPoint(record.getId(), point, checked.contains(point));
            }
            step.complete("AUDIT_RECORD", null, Map.of());
            log.info("Record of {} filed by {}", Audits.ref(audit).businessKey(), user.getUsername());
            return record;
        });
    }

    /** The audited organisation's secretary submits the rectification report. */
    public Rectification submitRectification(long auditId, CurrentUser user, String report) {
        return steps.inTransaction(rectificationTaskId(auditId, user), user, () -> {
            Audit audit = existing(auditId);
            closedYears.requireOpen(audit.getOrgId(), audit.getAuditYear());
            if (!user.has(Role.SECRETARY) || user.getOrgId() != audit.getOrgId()) {
                throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notAuditedOrg");
            }
            if (access.isSecret(audit)) {
                throw BusinessException.forbidden();
            }
            Step step = tasks.open(audit).stream()
                .filter(t -> AuditSitInProcess.TASK_SUBMIT_RECTIFICATION.equals(t.step()))
                .findFirst()
                .map(t -> steps.step(t, user))
                .orElseThrow(() -> BusinessException.conflict("audit.error.noRectificationDue"));
            String text = Audits.text(report, Audits.MAX_REPORT);
            if (text == null) {
                throw BusinessException.invalid("audit.rectification.error.report");
            }
            Rectification rectification = new Rectification();
            rectification.setAuditId(auditId);
            rectification.setRoundNo(audits.selectRectifications(auditId).size() + 1);
            rectification.setReport(text);
            rectification.setSubmittedBy(user.getPersonId());
            rectification.setSubmittedAt(OffsetDateTime.now(clock));
            audits.insertRectification(rectification);
            audit.setStatus(AuditStatus.REVIEWING);
            save(audit);
            step.complete("AUDIT_RECTIFY_SUBMIT", null, Map.of());
            assignments.lead(audit).ifPresent(lead -> notices.toPerson(lead.getPersonId(), audit,
                "audit.notify.rectificationSubmitted", audit.getTitle()));
            return rectification;
        });
    }

    /** The lead auditor's review of a rectification report, from the generic approve-or-return form. */
    void reviewRectification(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        if (!AuditSitInProcess.TASK_REVIEW_RECTIFICATION.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        Audit audit = auditSessions.audit(id);
        List<Rectification> rounds = audits.selectRectifications(id);
        Rectification latest = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        if (latest == null || latest.getDecision() != null) {
            throw BusinessException.conflict("task.changed");
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        audits.updateRectificationReview(latest.getId(), decision.value(), text, user.getPersonId(),
            OffsetDateTime.now(clock));
        if (decision == Decision.APPROVE) {
            audit.setStatus(AuditStatus.RECTIFIED);
            audit.setClosedAt(OffsetDateTime.now(clock));
            save(audit);
            notices.toSecretary(audit, "audit.notify.rectified", audit.getTitle());
            notices.toDept(audit, "audit.notify.rectified", audit.getTitle());
        } else {
            audit.setStatus(AuditStatus.RECTIFYING);
            save(audit);
            notices.toSecretary(audit, "audit.notify.rectificationReturned", audit.getTitle(), user, text);
        }
    }

    private Audit existing(long auditId) {
        Audit audit = auditSessions.audit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        return audit;
    }

    private TaskInfo recordTask(Audit audit, CurrentUser user) {
        Optional<TaskInfo> task = tasks.open(audit).stream()
            .filter(t -> AuditSitInProcess.TASK_FILE_RECORD.equals(t.step()))
            .filter(t -> user.getUsername().equals(t.assignee()))
            .findFirst();
        if (task.isPresent()) {
            return task.get();
        }
        if (audits.selectRecords(audit.getId()).stream().anyMatch(r -> r.getAuditorId() == user.getPersonId())) {
            throw BusinessException.conflict("audit.error.alreadyFiled");
        }
        boolean accepted = audits.selectAssignments(audit.getId()).stream()
            .anyMatch(a -> a.getPersonId() == user.getPersonId() && a.getStatus() == AssignmentStatus.ACCEPTED);
        if (accepted && audit.getStatus() == AuditStatus.ASSIGNING) {
            throw BusinessException.conflict("audit.error.notConfirmed");
        }
        throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notAssigned");
    }

    /**
     * The open rectification step, to name the winner of a lost race; null when this person has none, and the
     * step itself then tells them why they may not submit.
     */
    private String rectificationTaskId(long auditId, CurrentUser user) {
        try {
            return tasks.taskIdFor(auditId, user, AuditSitInProcess.TASK_SUBMIT_RECTIFICATION);
        } catch (BusinessException e) {
            return null;
        }
    }

    private void save(Audit audit) {
        VersionedRow.save(audit, audits::updateAudit, clock);
    }
}
