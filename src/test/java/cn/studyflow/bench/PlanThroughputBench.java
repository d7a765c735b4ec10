package cn.studyflow.bench;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whole annual plan approvals per second: through StudyFlow's services (plan rows, revisions, topics,
 * sessions, history, notifications, permission checks) against the bare engine running the same BPMN with
 * no domain work (its delegates replaced by one that does nothing), on the same database, alternating
 * rounds so that the ratio holds on a noisy machine.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(PlanThroughputBench.NoopDelegate.class)
class PlanThroughputBench extends DatabaseBench {

    static final String BARE_KEY = "bench-bare-plan-approval";
    static final int ROUNDS = 3;
    static final int PER_ROUND = 40;
    static final DemoOrg[] ORGS = DemoOrg.values();

    @Autowired PlanService plans;
    @Autowired TasklistService tasklist;
    @Autowired RuntimeService runtime;
    @Autowired TaskService engineTasks;
    @Autowired RepositoryService repository;
    @Autowired UserDetailsService users;

    private final Map<String, CurrentUser> people = new HashMap<>();
    private int year = 2000;

    @Test
    void planApprovalThroughput() throws IOException {
        deployBareCopy();
        runStudyFlow(5);
        runBare(5);
        double studyFlowSeconds = 0;
        double bareSeconds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            studyFlowSeconds += runStudyFlow(PER_ROUND);
            bareSeconds += runBare(PER_ROUND);
        }
        int n = ROUNDS * PER_ROUND;
        double studyFlow = n / studyFlowSeconds;
        double bare = n / bareSeconds;
        new BenchReport("throughput-" + database(), "Whole plan approvals per second, " + database())
            .row("runner", "StudyFlow services", "database", database(), "approvals", n,
                "per second", BenchReport.round(studyFlow), "ms each", BenchReport.round(1000 / studyFlow))
            .row("runner", "bare engine, same BPMN", "database", database(), "approvals", n,
                "per second", BenchReport.round(bare), "ms each", BenchReport.round(1000 / bare))
            .row("runner", "ratio StudyFlow / bare (target >= 0.85)", "database", database(), "approvals", n,
                "per second", BenchReport.round(studyFlow / bare), "ms each", "");
    }

    /** Creates, fills, submits and approves {@code count} annual plans through StudyFlow; returns seconds. */
    private double runStudyFlow(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            DemoOrg org = ORGS[i % ORGS.length];
            CurrentUser secretary = user(org.planDecider(PlanApprovalProcess.TASK_DRAFT));
            Plan plan = plans.create(secretary, PlanKind.ANNUAL, year + i / ORGS.length, null);
            plan = plans.saveDraft(plan.getId(), secretary, Plans.form(plan, 12));
            plans.submit(plan.getId(), secretary, plan.getVersion());
            for (String who : org.planApprovers()) {
                String taskId = engineTasks.createTaskQuery().processInstanceId(plan.getProcessInstanceId()).singleResult().getId();
                tasklist.decide(taskId, user(who), Decision.APPROVE, "同意");
            }
        }
        year += (count + ORGS.length - 1) / ORGS.length;
        return (System.nanoTime() - start) / 1e9;
    }

    /** The same walk on the bare copy with the engine API only; returns seconds. */
    private double runBare(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("planId", (long) i);
            vars.put("orgId", 3L);
            vars.put("superiorOrgId", 2L);
            vars.put("title", "bench");
            vars.put("deadline", new Date(System.currentTimeMillis() + 86_400_000L * 60));
            vars.put("reminderAt", new Date(System.currentTimeMillis() + 86_400_000L * 50));
            String instance = runtime.startProcessInstanceByKey(BARE_KEY, "BENCH:" + i, vars).getId();
            for (int step = 0; step < 4; step++) {
                Task task = engineTasks.createTaskQuery().processInstanceId(instance).singleResult();
                engineTasks.complete(task.getId(), Map.of("decision", "approve", "comment", "同意"));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void deployBareCopy() throws IOException {
        try (InputStream in = new ClassPathResource("processes/plan-approval.bpmn").getInputStream()) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("id=\"plan-approval\"", "id=\"" + BARE_KEY + "\"")
                .replace("bpmnElement=\"plan-approval\"", "bpmnElement=\"" + BARE_KEY + "\"")
                .replaceAll("camunda:delegateExpression=\"\\$\\{[a-zA-Z]+\\}\"", "camunda:delegateExpression=\"\\${benchNoopDelegate}\"");
            repository.createDeployment().name("bench").addString("bench-bare.bpmn", xml).deploy();
        }
    }

    /** The people as their logged-in sessions hold them: loaded once, not on every step being timed. */
    private CurrentUser user(String username) {
        return people.computeIfAbsent(username, name -> (CurrentUser) users.loadUserByUsername(name));
    }

    @TestConfiguration
    static class NoopDelegate {
        @Bean
        JavaDelegate benchNoopDelegate() {
            return execution -> { };
        }
    }
}
