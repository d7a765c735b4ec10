package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operations read the deployed model, so they work on steps an administrator adds later: here a process
 * with an office check inserted before the leader and a service task that copies the superior's leader in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsOnAddedStepsTest extends IntegrationTest {

    static final String KEY = "ops-extended-review";

    @Autowired RepositoryService repository;

    @Autowired PersonNames people;
    @Autowired Workflow workflow;
    @Autowired TasklistService tasks;
    @Autowired ApprovalOperations ops;
    @Autowired PlanService plans;
    @Autowired Copies copies;
    @Autowired ActionLog actionLog;
    @Autowired NotificationMapper notifications;

    String deployment;

    @BeforeAll
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("扩展审批").camundaHistoryTimeToLive(30)
            .startEvent("started")
            .userTask("draftPlan").name("起草").camundaCandidateGroups("org:${orgId}:secretary")
            .userTask("checkByOffice").name("办公室核稿").camundaCandidateGroups("org:${orgId}:office")
            .exclusiveGateway("officeDecision_gw")
                .condition("通过", "${decision == 'approve'}")
                .serviceTask("copyToSuperiorLeader").name("抄送上级组长").camundaDelegateExpression("${copyToDelegate}")
                    .camundaInputParameter("copyTo", "org:${superiorOrgId}:leader")
                .userTask("approveByLeader").name("组长审批")
                    .camundaCandidateGroups("org:${orgId}:leader,org:${orgId}:deputy")
                .exclusiveGateway("leaderDecision_gw")
                    .condition("通过", "${decision == 'approve'}")
                    .endEvent("approved")
                .moveToNode("leaderDecision_gw")
                    .condition("退回", "${decision == 'return'}")
                    .connectTo("draftPlan")
            .moveToNode("officeDecision_gw")
                .condition("退回", "${decision == 'return'}")
                .connectTo("draftPlan")
            .done();
        deployment = repository.createDeployment().name("ops-test").addModelInstance(KEY + ".bpmn", model).deploy().getId();
    }

    /** Other tests share this context: they should not see the test process. */
    @AfterAll
    void undeploy() {
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void nextStepsCopiesAndReturnsFollowTheAddedSteps() {
        CurrentUser secretary = user("bq_secretary");
        CurrentUser superiorLeader = user("qz_leader");
        Plan plan = plans.create(secretary, PlanKind.ANNUAL, Plans.freshYear(secretary), null);
        Plan other = plans.create(secretary, PlanKind.ANNUAL, Plans.freshYear(secretary), null);
        String pid = workflow.start(KEY, "PLAN:" + plan.getId(), Map.of(Workflow.VAR_ORG_ID, plan.getOrgId(),
            Workflow.VAR_TITLE, plan.getTitle(), PlanApprovalProcess.VAR_SUPERIOR_ORG_ID, secretary.getOrg().getParentId()));

        TaskInfo draft = current(pid);
        assertThat(ops.nextSteps(draft.id(), secretary)).extracting(NextStep::step)
            .containsExactly("checkByOffice", "approveByLeader");
        assertThat(ops.nextSteps(draft.id(), secretary).get(0).holders()).flatExtracting(NextStep.Holders::people)
            .containsExactly(people.name("bq_office"));
        tasks.inTransaction(draft.id(), secretary, () -> tasks.complete(draft, secretary, "SUBMIT", null, Map.of()));

        // the leader of the county may not read the town's plan until the process copies them in
        assertThatThrownBy(() -> plans.get(plan.getId(), superiorLeader)).isInstanceOf(BusinessException.class);
        tasks.decide(current(pid).id(), user("bq_office"), Decision.APPROVE, "格式无误");

        assertThat(current(pid).step()).isEqualTo("approveByLeader");
        assertThat(plans.get(plan.getId(), superiorLeader).getId()).isEqualTo(plan.getId());
        assertThatThrownBy(() -> plans.get(other.getId(), superiorLeader)).isInstanceOf(BusinessException.class);
        assertThat(notifications.selectByPerson(superiorLeader.getPersonId(), 0, 1).get(0).getMessageKey())
            .isEqualTo("ops.notify.copiedByProcess");
        assertThat(copies.copiedTo(superiorLeader, 0, 10).items()).anySatisfy(c -> {
            assertThat(c.getSubjectId()).isEqualTo(plan.getId());
            assertThat(c.getCopiedByName()).isNull();
            assertThat(c.getStep()).isEqualTo("copyToSuperiorLeader");
        });
        List<Action> history = actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()));
        assertThat(history).anySatisfy(a -> {
            assertThat(a.getAction()).isEqualTo("COPY");
            assertThat(a.getActorName()).isNull();
            assertThat(a.getTarget()).isEqualTo(superiorLeader.getDisplayName());
        });

        // the leader returns it to the office check an administrator added
        TaskInfo leaderStep = current(pid);
        CurrentUser leader = user("bq_leader");
        assertThat(ops.panel(leaderStep, leader).returnTargets()).extracting(PassedStep::step)
            .containsExactly("draftPlan", "checkByOffice");
        ops.returnTo(leaderStep.id(), leader, "checkByOffice", "请再核对格式");

        assertThat(current(pid).step()).isEqualTo("checkByOffice");
        assertThat(ops.nextSteps(current(pid).id(), user("bq_office"))).extracting(NextStep::step)
            .containsExactly("approveByLeader");
        assertThat(workflow.diagram(pid).counts()).containsEntry("checkByOffice", 2);
    }

    private TaskInfo current(String pid) {
        List<TaskInfo> open = workflow.activeTasks(pid);
        assertThat(open).hasSize(1);
        return open.get(0);
    }
}
