package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.DeployedVersion;
import cn.studyflow.workflow.Deployments;
import cn.studyflow.workflow.MigrationCandidate;
import cn.studyflow.workflow.ProcessVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Deploying, rolling back, comparing and migrating plan-approval versions against the real engine. These tests
 * deploy new versions of a shipped process, so their context is thrown away afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModelerDeploymentTest extends IntegrationTest {

    static final String KEY = PlanApprovalProcess.KEY;

    @Autowired ModelerService modeler;
    @Autowired Deployments deployments;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired ActionLog actionLog;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repository;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    @Test
    void newVersionIsListedWithWhoWhenAndWhyWhileRunningInstancesStayOnTheirVersion() throws IOException {
        CurrentUser admin = user("admin");
        CurrentUser secretary = user("bq_secretary");
        Plan before = Plans.submittedAnnual(plans, secretary);
        int oldVersion = versionOf(before);

        DeployedVersion deployed = deploy(admin, baseline().replace("org:${orgId}:publicity", "org:${orgId}:office"),
            "初审改由办公室负责");

        List<ModelerService.VersionRow> rows = modeler.versions(admin, KEY);
        assertThat(rows.get(0).latest()).isTrue();
        assertThat(rows.get(0).version().version()).isEqualTo(deployed.version()).isEqualTo(oldVersion + 1);
        assertThat(rows.get(0).record().getDeployedByName()).isEqualTo(admin.getDisplayName());
        assertThat(rows.get(0).record().getComment()).isEqualTo("初审改由办公室负责");
        assertThat(rows.get(0).record().getDeployedAt()).isNotNull();
        assertThat(rows.get(0).version().deploymentName()).isEqualTo(Deployments.MODELER_DEPLOYMENT);
        assertThat(row(rows, oldVersion).version().runningInstances()).isPositive();

        // the plan already under way keeps its version and its reviewer; a new plan goes to the office
        assertThat(candidateGroups(activeTask(before))).containsExactly("org:" + secretary.getOrgId() + ":publicity");
        Plan after = Plans.submittedAnnual(plans, secretary);
        assertThat(versionOf(after)).isEqualTo(deployed.version());
        assertThat(candidateGroups(activeTask(after))).containsExactly("org:" + secretary.getOrgId() + ":office");
    }

    @Test
    void restartKeepsTheAdministratorsVersionInsteadOfRedeployingTheBaseline() throws Exception {
        DeployedVersion deployed = deploy(user("admin"), baseline().replace("org:${orgId}:publicity",
            "org:${orgId}:office"), "重启前部署");
        long count = deployments.deploymentCount();

        // what ProcessDeployer does at every start-up
        context.getBean("processDeployer", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(deployments.deploymentCount()).isEqualTo(count);
        ProcessVersion latest = deployments.latest(KEY).orElseThrow();
        assertThat(latest.version()).isEqualTo(deployed.version());
        assertThat(latest.isBaseline()).isFalse();
    }

    @Test
    void rollbackDeploysAnEarlierVersionAgainAsTheNewest() throws IOException {
        CurrentUser admin = user("admin");
        DeployedVersion changed = deploy(admin, baseline().replace("org:${orgId}:publicity", "org:${orgId}:office"),
            "临时改为办公室审核");

        DeployedVersion rolledBack = modeler.rollback(admin, KEY, 1, "恢复宣传委员审核", changed.version());

        assertThat(rolledBack.version()).isEqualTo(changed.version() + 1);
        assertThat(modeler.xml(admin, KEY, rolledBack.version())).isEqualTo(modeler.xml(admin, KEY, 1));
        DeploymentRecord record = modeler.versions(admin, KEY).get(0).record();
        assertThat(record.getKind()).isEqualTo(DeploymentRecord.Kind.ROLLBACK);
        assertThat(record.getSourceVersion()).isEqualTo(1);
        assertThat(record.getComment()).isEqualTo("恢复宣传委员审核");
        CurrentUser secretary = user("bq_secretary");
        Plan plan = Plans.submittedAnnual(plans, secretary);
        assertThat(candidateGroups(activeTask(plan))).containsExactly("org:" + secretary.getOrgId() + ":publicity");
        // rolling back to what is already the newest changes nothing
        assertThatThrownBy(() -> modeler.rollback(admin, KEY, 1, "再来一次", rolledBack.version()))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("modeler.error.unchanged"));
    }

    @Test
    void deployWithoutReasonOrOverSomeoneElsesNewerVersionOrUnchangedIsRefused() throws IOException {
        CurrentUser admin = user("admin");
        String changed = unique(baseline().replace("org:${orgId}:publicity", "org:${orgId}:office"));
        int latest = deployments.latest(KEY).orElseThrow().version();
        long count = deployments.deploymentCount();

        assertThatThrownBy(() -> modeler.deploy(admin, KEY, changed, "  ", latest))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("modeler.error.commentRequired"));
        assertThatThrownBy(() -> modeler.deploy(admin, KEY, changed, "改审核人", latest - 1))
            .isInstanceOfSatisfying(BusinessException.class, e -> {
                assertThat(e.getMessageKey()).isEqualTo("modeler.error.stale");
                assertThat(e.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            });
        String current = deployments.xml(deployments.latest(KEY).orElseThrow().definitionId());
        assertThatThrownBy(() -> modeler.deploy(admin, KEY, current, "原样再部署", latest))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("modeler.error.unchanged"));
        // a new version tag alone is no new version (the deploy form proposes a new tag every time)
        String retagged = current.replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"9.9.9\"");
        assertThat(retagged).isNotEqualTo(current);
        assertThatThrownBy(() -> modeler.deploy(admin, KEY, retagged, "只改版本标签", latest))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("modeler.error.unchanged"));
        assertThatThrownBy(() -> modeler.deploy(user("bq_secretary"), KEY, changed, "越权", latest))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(deployments.deploymentCount()).isEqualTo(count);
    }

    @Test
    void onlyAdministratorsReachTheModelerOverHttp() throws Exception {
        String body = json.writeValueAsString(Map.of("xml", unique(baseline().replace("org:${orgId}:publicity",
            "org:${orgId}:deputy")), "comment", "越权部署"));
        long count = deployments.deploymentCount();

        mvc.perform(post("/api/modeler/processes/" + KEY + "/deployments").with(as("bq_leader")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("error.forbidden"));
        mvc.perform(get("/modeler").with(as("qz_dept"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/modeler/delegates").with(as("bq_secretary"))).andExpect(status().isForbidden());
        // an administrator's session still needs the CSRF token
        mvc.perform(post("/api/modeler/processes/" + KEY + "/deployments").with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden());
        assertThat(deployments.deploymentCount()).isEqualTo(count);

        mvc.perform(get("/modeler").with(as("admin")))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("学习计划审批")));
    }

    @Test
    void refusedDeploymentAnswersWithEveryProblemOnItsElementInChinese() throws Exception {
        String hostile = HostileCorpus.entries().filter(e -> e.file().equals("script-task.bpmn")).findFirst()
            .orElseThrow().xml();
        long count = deployments.deploymentCount();

        mvc.perform(post("/api/modeler/processes/" + KEY + "/deployments").with(as("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("xml", hostile, "comment", "脚本"))))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.valid").value(false))
            .andExpect(jsonPath("$.code").value("modeler.error.rejected"))
            .andExpect(jsonPath("$.problems[0].elementId").value("step"))
            .andExpect(jsonPath("$.problems[0].code").value("modeler.rule.scriptTask"))
            .andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.containsString("脚本任务")));
        assertThat(deployments.deploymentCount()).isEqualTo(count);
    }

    @Test
    void addedDeputyReviewWorksAtOnceWithTheGenericDecisionForm() throws Exception {
        CurrentUser admin = user("admin");
        CurrentUser secretary = user("bq_secretary");
        CurrentUser deputy = user("bq_deputy");
        DeployedVersion deployed = deploy(admin, Files.readString(Path.of("src/test/resources/bpmn/plan-approval-with-deputy.bpmn")),
            "组长审批前增加副组长审核");

        Plan plan = Plans.submittedAnnual(plans, secretary);
        assertThat(versionOf(plan)).isEqualTo(deployed.version());
        decide(user("bq_publicity"), plan, Decision.APPROVE, "同意");

        Task review = activeTask(plan);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewByDeputy");
        assertThat(review.getName()).isEqualTo("副组长审核");
        assertThat(candidateGroups(review)).containsExactly("org:" + secretary.getOrgId() + ":deputy");
        assertThat(tasks.list(deputy, cn.studyflow.workflow.TaskFilter.View.GROUP, null, null, null,
            cn.studyflow.workflow.TaskFilter.Sort.CREATED, false, 0, 20).items())
            .extracting(t -> t.id()).contains(review.getId());
        // the deputy sees the plan with the generic approve-or-return form
        mvc.perform(get("/tasks/" + review.getId()).with(as("bq_deputy")))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"decision-form\"")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("副组长审核")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString(plan.getTitle())));

        mvc.perform(post("/tasks/" + review.getId() + "/decide").with(as("bq_deputy")).with(csrf())
                .param("decision", "APPROVE").param("comment", "副组长同意"))
            .andExpect(status().is3xxRedirection());
        assertThat(activeTask(plan).getTaskDefinitionKey()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER);
        decide(user("bq_leader"), plan, Decision.APPROVE, null);
        decide(user("qz_dept"), plan, Decision.APPROVE, "准予备案");

        assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId())))
            .filteredOn(a -> "reviewByDeputy".equals(a.getStep()))
            .extracting(Action::getAction, Action::getComment)
            .contains(org.assertj.core.groups.Tuple.tuple("APPROVE", "副组长同意"));
        // the managers' figures count the added step like any other
        assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "SELECT step, outcome FROM sf_stage WHERE instance_id = ? ORDER BY created_at, task_id",
                plan.getProcessInstanceId()))
            .extracting(r -> r.get("step"), r -> r.get("outcome"))
            .contains(org.assertj.core.groups.Tuple.tuple("reviewByDeputy", "COMPLETED"));
    }

    @Test
    void deputyCanReturnThePlanToTheSecretary() throws Exception {
        deploy(user("admin"), Files.readString(Path.of("src/test/resources/bpmn/plan-approval-with-deputy.bpmn")),
            "副组长审核（退回）");
        CurrentUser secretary = user("bq_secretary");
        Plan plan = Plans.submittedAnnual(plans, secretary);
        decide(user("bq_publicity"), plan, Decision.APPROVE, null);

        decide(user("bq_deputy"), plan, Decision.RETURN, "请补充专题");

        assertThat(activeTask(plan).getTaskDefinitionKey()).isEqualTo(PlanApprovalProcess.TASK_DRAFT);
        assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.RETURNED);
    }

    @Test
    void compareListsAddedStepsAndChangedFlowsBetweenVersions() throws IOException {
        CurrentUser admin = user("admin");
        DeployedVersion base = deploy(admin, baseline(), "比较：基线");
        DeployedVersion deputy = deploy(admin, Files.readString(Path.of("src/test/resources/bpmn/plan-approval-with-deputy.bpmn")),
            "比较：增加副组长");

        List<BpmnDiff.ElementChange> changes = modeler.compare(admin, KEY, base.version(), deputy.version());

        assertThat(changes).filteredOn(c -> c.change() == BpmnDiff.Change.ADDED).extracting(BpmnDiff.ElementChange::id)
            .containsExactlyInAnyOrder("reviewByDeputy", "toDeputyDecision", "deputyDecision_gw", "deputyApproved",
                "deputyReturned");
        assertThat(changes).filteredOn(c -> c.id().equals("publicityApproved")).singleElement()
            .satisfies(c -> assertThat(c.attributes()).containsExactly(
                new BpmnDiff.AttributeChange("targetRef", "approveByLeader", "reviewByDeputy")));
        assertThat(changes).filteredOn(c -> c.change() == BpmnDiff.Change.REMOVED).isEmpty();
    }

    @Test
    void migrationMovesInstancesWhoseStepsExistInTheNewVersionAndSaysWhyOthersCannot() throws IOException {
        CurrentUser admin = user("admin");
        CurrentUser secretary = user("bq_secretary");
        DeployedVersion source = deploy(admin, baseline(), "迁移：原版本");
        Plan atPublicity = Plans.submittedAnnual(plans, secretary);
        Plan atLeader = Plans.submittedAnnual(plans, secretary);
        decide(user("bq_publicity"), atLeader, Decision.APPROVE, null);
        // the new version replaces the publicity review by an office review with another id
        DeployedVersion target = deploy(admin, baseline().replace("reviewByPublicity", "reviewByOffice")
            .replace("org:${orgId}:publicity", "org:${orgId}:office"), "迁移：初审改由办公室");

        ModelerService.MigrationView view = modeler.migration(admin, KEY, source.version());

        assertThat(view.target().version()).isEqualTo(target.version());
        MigrationCandidate stuck = candidate(view, atPublicity);
        MigrationCandidate movable = candidate(view, atLeader);
        assertThat(stuck.canMigrate()).isFalse();
        assertThat(stuck.unmapped()).extracting(MigrationCandidate.Activity::id).containsExactly("reviewByPublicity");
        assertThat(stuck.unmapped()).extracting(MigrationCandidate.Activity::label).containsExactly("宣传委员审核");
        assertThat(movable.canMigrate()).isTrue();
        assertThat(movable.title()).isEqualTo(atLeader.getTitle());

        assertThatThrownBy(() -> modeler.migrate(admin, KEY, source.version(), target.version(),
                List.of(movable.processInstanceId(), stuck.processInstanceId())))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("modeler.migrate.cannot"));
        assertThat(versionOf(atLeader)).isEqualTo(source.version());

        assertThat(modeler.migrate(admin, KEY, source.version(), target.version(), List.of(movable.processInstanceId())))
            .isEqualTo(1);

        assertThat(versionOf(atLeader)).isEqualTo(target.version());
        assertThat(versionOf(atPublicity)).isEqualTo(source.version());
        assertThat(activeTask(atLeader).getTaskDefinitionKey()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER);
        assertThat(actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, atLeader.getId())))
            .extracting(Action::getAction).contains("MIGRATE");
        // the moved plan goes on under the new version, and a return now reaches the office review
        decide(user("bq_leader"), atLeader, Decision.RETURN, "请修改");
        plans.submit(atLeader.getId(), secretary, plans.get(atLeader.getId(), secretary).getVersion());
        assertThat(activeTask(atLeader).getTaskDefinitionKey()).isEqualTo("reviewByOffice");
    }

    private DeployedVersion deploy(CurrentUser admin, String xml, String comment) {
        return modeler.deploy(admin, KEY, distinct(xml), comment, null);
    }

    /** Makes a diagram differ from every earlier one, so that the tests can deploy it in any order. */
    private static String distinct(String xml) {
        return xml.replace("</bpmn:definitions>", "<!-- " + UUID.randomUUID() + " -->\n</bpmn:definitions>");
    }

    private static String baseline() throws IOException {
        try (InputStream in = new PathMatchingResourcePatternResolver()
            .getResource("classpath:processes/plan-approval.bpmn").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int versionOf(Plan plan) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(plan.getProcessInstanceId())
            .singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private Task activeTask(Plan plan) {
        return taskService.createTaskQuery().processInstanceId(plan.getProcessInstanceId()).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> "candidate".equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .toList();
    }

    private void decide(CurrentUser user, Plan plan, Decision decision, String comment) {
        tasks.decide(activeTask(plan).getId(), user, decision, comment);
    }

    private static ModelerService.VersionRow row(List<ModelerService.VersionRow> rows, int version) {
        return rows.stream().filter(r -> r.version().version() == version).findFirst().orElseThrow();
    }

    private static MigrationCandidate candidate(ModelerService.MigrationView view, Plan plan) {
        return view.candidates().stream().filter(c -> c.processInstanceId().equals(plan.getProcessInstanceId()))
            .findFirst().orElseThrow();
    }
}
