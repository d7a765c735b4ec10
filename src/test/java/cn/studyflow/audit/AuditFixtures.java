package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What audit tests start from: study sessions (from an approved monthly supplementary plan, which an
 * organisation may have several of) and an auditor pool of exactly the people a test names.
 */
class AuditFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final PlanService plans;
    final SessionService sessions;
    final TasklistService tasks;
    final Workflow workflow;
    final AuditPoolService pool;
    final ManagementService management;
    final JdbcTemplate jdbc;

    AuditFixtures(ApplicationContext context) {
        this.plans = context.getBean(PlanService.class);
        this.sessions = context.getBean(SessionService.class);
        this.tasks = context.getBean(TasklistService.class);
        this.workflow = context.getBean(Workflow.class);
        this.pool = context.getBean(AuditPoolService.class);
        this.management = context.getBean(ManagementService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** {@code count} sessions of the secretary's organisation in the given month, approved by the leader. */
    List<StudySession> sessions(CurrentUser secretary, CurrentUser leader, int year, int month, int count) {
        Plan plan = plans.create(secretary, PlanKind.SUPPLEMENTARY, year, month);
        plan = plans.saveDraft(plan.getId(), secretary, Plans.form(plan, count));
        plans.submit(plan.getId(), secretary, plan.getVersion());
        TaskInfo approval = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        tasks.decide(approval.id(), leader, Decision.APPROVE, null);
        return sessions.ofPlan(plan.getId());
    }

    /** Sessions in the current month, so that an audit can be held today. */
    List<StudySession> sessionsThisMonth(CurrentUser secretary, CurrentUser leader, int count) {
        LocalDate today = today();
        return sessions(secretary, leader, today.getYear(), today.getMonthValue(), count);
    }

    /**
     * Makes the dept's active pool exactly these auditors, free today: others in it are marked unavailable.
     * Tests share the demo auditors and sit in today, and nobody is booked on two audits the same day, so the
     * bookings earlier tests left from today on are released (declined) before a test asks anyone again.
     */
    void poolOf(CurrentUser dept, CurrentUser... auditors) {
        jdbc.update("UPDATE sf_audit_assignment SET status = 'DECLINED' WHERE status <> 'DECLINED'"
            + " AND audit_id IN (SELECT id FROM sf_audit WHERE session_date >= ?)", today());
        Set<Long> wanted = Arrays.stream(auditors).map(CurrentUser::getPersonId).collect(Collectors.toSet());
        List<PoolMember> members = pool.pool(dept);
        for (PoolMember m : members) {
            boolean active = wanted.contains(m.getPersonId());
            if (m.isActive() != active) {
                pool.update(dept, m.getId(), active, m.getSpecialty());
            }
        }
        Set<Long> present = members.stream().map(PoolMember::getPersonId).collect(Collectors.toSet());
        for (CurrentUser a : auditors) {
            if (!present.contains(a.getPersonId())) {
                pool.add(dept, a.getPersonId(), "理论宣讲");
            }
        }
    }

    /**
     * Executes the asynchronous continuations of an instance (not its timers) until none is left, as the job
     * executor would.
     */
    void runAsyncJobs(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Async jobs of " + processInstanceId + " keep coming");
    }
}
