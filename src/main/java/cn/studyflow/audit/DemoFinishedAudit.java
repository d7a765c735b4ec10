package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.session.RosterEntry;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.task.StepRunner;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In the demo profile, an audit sit-in (巡听旁听) of 卞桥镇's last (finished) year, so that the year's archive holds
 * an audit and the assessment's audit indicators of that year are not empty. 青州市委's publicity department plans
 * a fixed audit of one of the year's held sessions, recorded afterwards (the one difference from a live audit: its
 * day is past); its two auditors accept and file their records, one asks for rectification, the secretary
 * reports it and the lead auditor accepts the report, each step through the audit-sit-in process as on the task
 * pages. All of it in one transaction, running the process's continuations itself, so that the job executor
 * never sees a past-due acceptance timer of it; then its rows and history are moved to the days around the session
 * (see {@link AuditDays}). Made once; off with {@code studyflow.demo.sample-audit=false}.
 */
@Component
@Profile("demo")
@Order(130)
@RequiredArgsConstructor
class DemoFinishedAudit implements ApplicationRunner {

    static final String DEPT = "qz_dept";
    static final String LEAD = "qz_auditor";
    static final String SECOND = "wfz_auditor";
    static final String SECRETARY = "bq_secretary";
    static final String REPORT = "已组织班子成员专题学习，研讨发言逐人联系分管工作撰写提纲，整改情况已报镇党委。";

    private static final Logger log = LoggerFactory.getLogger(DemoFinishedAudit.class);
    private static final Map<String, String> SPECIALTIES = Map.of(LEAD, "理论宣讲", SECOND, "基层党建");
    private static final List<String> POINTS_MET = List.of("plan", "materials", "chair", "attendance", "records");

    private final SessionService sessions;
    private final Roster roster;
    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final AuditPoolService pool;
    private final AuditPlanning planning;
    private final AuditAssignmentSteps assignmentSteps;
    private final AuditRecordSteps recordSteps;
    private final AuditProperties properties;
    private final StepRunner steps;
    private final ActionLog actionLog;
    private final TasklistService tasks;
    private final Workflow workflow;
    private final DemoPeople people;
    private final Clock clock;
    @Value("${studyflow.demo.sample-audit:true}")
    private final boolean enabled;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        CurrentUser secretary = people.user(SECRETARY);
        int year = LocalDate.now(clock).getYear() - 1;
        List<StudySession> held = sessions.ofOrgYear(secretary.getOrgId(), year).stream()
            .filter(s -> SessionService.HELD.equals(s.getStatus()) && s.getSessionDate() != null).toList();
        // one audit in the finished year, made once: a restart finds it and adds no second one
        if (held.isEmpty() || held.stream().anyMatch(s -> !audits.selectBySession(s.getId()).isEmpty())) {
            return;
        }
        CurrentUser dept = people.user(DEPT);
        CurrentUser lead = people.user(LEAD);
        CurrentUser second = people.user(SECOND);
        if (!inPool(dept, List.of(lead, second))) {
            log.info("Demo finished audit: {} or {} is inactive in the pool of {}; no audit of {} recorded", LEAD,
                SECOND, DEPT, year);
            return;
        }
        StudySession session = held.get(held.size() / 2);
        Audit audit = planning.recordFixedAfterwards(dept, new AuditRequests.Fixed(session.getId(),
            session.getSessionDate(), List.of(lead.getPersonId(), second.getPersonId()), lead.getPersonId()));
        for (CurrentUser auditor : List.of(lead, second)) {
            assignmentSteps.respond(audit.getId(), auditor, new AuditRequests.Response(true, null));
        }
        workflow.runContinuations(audit.getProcessInstanceId());
        recordSteps.fileRecord(audit.getId(), lead, record(session, Verdict.PASS));
        recordSteps.fileRecord(audit.getId(), second, record(session, Verdict.RECTIFY));
        workflow.runContinuations(audit.getProcessInstanceId());
        recordSteps.submitRectification(audit.getId(), secretary, REPORT);
        String review = steps.openTask(audit.getProcessInstanceId(), AuditSitInProcess.TASK_REVIEW_RECTIFICATION)
            .orElseThrow().id();
        tasks.decide(review, lead, Decision.APPROVE, "整改措施具体，已落实到位");
        onItsDays(audit.getId(), session);
        log.info("Demo finished year {}: audit {} of session {} recorded afterwards and rectified", year,
            Audits.ref(audit).businessKey(), session.getId());
    }

    /**
     * Moves the audit, its answers, records, rectification and history to the days around the session, as they
     * would have been in that year; walked through the process today, they carry today's times and a deadline a
     * month from now.
     */
    private void onItsDays(long auditId, StudySession session) {
        AuditDays days = AuditDays.around(session.getSessionDate(), properties.rectificationDays(), clock.getZone());
        Audit audit = auditSessions.audit(auditId);
        String deadlineGiven = String.valueOf(audit.getRectificationDeadline());
        audits.updateDays(auditId, days);
        audits.updateAssignmentDays(auditId, days);
        audits.updateRecordDays(auditId, days);
        audits.updateRectificationDays(auditId, days);
        actionLog.redate(Audits.ref(audit), a -> {
            a.setCreatedAt(days.of(a.getAction()));
            if (deadlineGiven.equals(a.getComment())) {
                a.setComment(days.deadline().toString());
            }
        });
    }

    /** Puts the auditors into the dept's pool as the dept does on the pool page; false if one is inactive there. */
    private boolean inPool(CurrentUser dept, List<CurrentUser> auditors) {
        Map<Long, PoolMember> members = pool.pool(dept).stream()
            .collect(Collectors.toMap(PoolMember::getPersonId, Function.identity()));
        for (CurrentUser auditor : auditors) {
            PoolMember member = members.get(auditor.getPersonId());
            if (member == null) {
                pool.add(dept, auditor.getPersonId(), SPECIALTIES.get(auditor.getUsername()));
            } else if (!member.isActive()) {
                return false;
            }
        }
        return true;
    }

    /** An auditor's record of the session as held: its roster's attendance, the scores and what they found. */
    private AuditRecordForm record(StudySession session, Verdict verdict) {
        List<RosterEntry> entries = roster.of(session.getId());
        Set<Attendance> came = Set.of(Attendance.PRESENT, Attendance.LATE);
        boolean pass = verdict == Verdict.PASS;
        AuditRecordForm form = new AuditRecordForm();
        form.setExpectedAttendance(entries.size());
        form.setActualAttendance((int) entries.stream().filter(e -> came.contains(e.getAttendance())).count());
        form.setScorePreparation(4);
        form.setScoreDiscussion(pass ? 4 : 3);
        form.setScoreDiscipline(5);
        form.setScoreApplication(pass ? 4 : 3);
        form.setFindings(pass ? "学习准备充分，主持人引导有力，交流发言结合分管工作。"
            : "个别研讨发言照本宣科，未联系本镇实际，学习成果转化不够。");
        form.setOnSiteComment(pass ? null : "建议研讨发言提前列提纲，逐人联系分管工作。");
        form.setCheckedPoints(POINTS_MET.stream().filter(properties.checklist()::contains).toList());
        form.setVerdict(verdict);
        return form;
    }
}
