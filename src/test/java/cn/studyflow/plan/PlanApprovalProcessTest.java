package cn.studyflow.plan;

import static cn.studyflow.plan.PlanApprovalProcess.TASK_APPROVE_BY_LEADER;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_DRAFT;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_REGISTER_BY_DEPT;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.notify.NotificationTexts;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks every path of plan-approval.bpmn and supplementary-plan-approval.bpmn through StudyFlow's services. */
class PlanApprovalProcessTest extends IntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired NotificationTexts texts;
    @Autowired PersonNames names;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired NotificationMapper notifications;

    CurrentUser secretary;
    CurrentUser publicity;
    CurrentUser leader;
    CurrentUser dept;

    @BeforeEach
    void setUp() {
        init(engine);
        secretary = user("bq_secretary");
        publicity = user("bq_publicity");
        leader = user("bq_leader");
        dept = user("qz_dept");
    }

    @Test
    void approvedPlanIsRegisteredAndEachTopicBecomesASession() {
        Plan plan = Plans.submittedAnnual(plans, secretary);
        ProcessInstance instance = instance(plan);
        long town = secretary.getOrgId();
        long county = secretary.getOrg().getParentId();

        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        assertThat(task(instance)).hasCandidateGroup("org:" + town + ":publicity");
        decide(publicity, instance, Decision.APPROVE, "同意");

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        assertThat(task(instance)).hasCandidateGroup("org:" + town + ":leader").hasCandidateGroup("org:" + town + ":deputy");
        decide(leader, instance, Decision.APPROVE, null);

        assertThat(instance).isWaitingAt(TASK_REGISTER_BY_DEPT);
        assertThat(task(instance)).hasCandidateGroup("org:" + county + ":dept");
        decide(dept, instance, Decision.APPROVE, "准予备案");

        assertThat(instance).hasPassedInOrder(TASK_DRAFT, TASK_REVIEW_BY_PUBLICITY, TASK_APPROVE_BY_LEADER,
            TASK_REGISTER_BY_DEPT, "registerPlan", PlanApprovalProcess.END_REGISTERED).isEnded();
        Assertions.assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.APPROVED);
        List<StudySession> scheduled = sessions.ofPlan(plan.getId());
        Assertions.assertThat(scheduled).hasSize(12).allMatch(s -> s.getOrgId() == town);
        Assertions.assertThat(scheduled).extracting(StudySession::getSessionMonth).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Assertions.assertThat(latestKey(secretary)).isEqualTo("plan.notify.approved");
    }

    @ParameterizedTest
    @ValueSource(strings = {TASK_REVIEW_BY_PUBLICITY, TASK_APPROVE_BY_LEADER, TASK_REGISTER_BY_DEPT})
    void returnedPlanGoesBackToSecretaryWithCommentAndIsReviewedAgain(String stage) {
        Plan plan = Plans.submittedAnnual(plans, secretary);
        ProcessInstance instance = instance(plan);
        CurrentUser returner = walkTo(instance, stage);

        decide(returner, instance, Decision.RETURN, "请补充省委全会精神专题");

        assertThat(instance).isWaitingAt(TASK_DRAFT);
        // the secretary who submitted it has it among their own tasks; their group may still take it over
        assertThat(task(instance)).isAssignedTo(secretary.getUsername());
        Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
            .anyMatch(link -> ("org:" + secretary.getOrgId() + ":secretary").equals(link.getGroupId()));
        Plan returned = plans.get(plan.getId(), secretary);
        Assertions.assertThat(returned.getStatus()).isEqualTo(PlanStatus.RETURNED);
        Assertions.assertThat(returned.getRevision()).isEqualTo(2);
        Notification told = notifications.selectByPerson(secretary.getPersonId(), 0, 1).get(0);
        Assertions.assertThat(told.getMessageKey()).isEqualTo("plan.notify.returned");
        Assertions.assertThat(texts.args(told)).contains("请补充省委全会精神专题", names.byId(returner.getPersonId()));

        // the secretary revises one topic and adds another, then resubmits
        PlanForm form = PlanForm.of(returned, plans.topics(returned, 2));
        form.getTopics().get(2).setTitle("专题3：学习贯彻省委全会精神");
        form.getTopics().add(Plans.form(returned, 1).getTopics().get(0));
        returned = plans.saveDraft(plan.getId(), secretary, form);
        plans.submit(plan.getId(), secretary, returned.getVersion());

        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        List<TopicDiff> diff = plans.compare(returned, 1, 2);
        Assertions.assertThat(diff).filteredOn(d -> d.change() == TopicDiff.Change.CHANGED)
            .singleElement().satisfies(d -> Assertions.assertThat(d.changedFields()).containsExactly("title"));
        Assertions.assertThat(diff).filteredOn(d -> d.change() == TopicDiff.Change.ADDED).hasSize(1);
        Assertions.assertThat(plans.topics(returned, 1)).hasSize(12);
        Assertions.assertThat(plans.revisions(returned)).allMatch(r -> r.getSubmittedAt() != null);

        walkTo(instance, TASK_REGISTER_BY_DEPT);
        decide(dept, instance, Decision.APPROVE, null);
        assertThat(instance).isEnded();
        Assertions.assertThat(sessions.ofPlan(plan.getId())).hasSize(13);
    }

    @Test
    void returnWithoutCommentIsRefusedAndNothingMoves() {
        Plan plan = Plans.submittedAnnual(plans, secretary);
        ProcessInstance instance = instance(plan);

        assertThatThrownBy(() -> decide(publicity, instance, Decision.RETURN, "  "))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> Assertions.assertThat(e.getMessageKey()).isEqualTo("task.commentRequired"));

        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        assertThat(task(instance)).isNotAssigned();
        Assertions.assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.SUBMITTED);
    }

    @Test
    void secretaryIsRemindedBeforeTheDeadlineAndTheLeaderToldAfterIt() {
        Plan plan = plans.create(secretary, PlanKind.ANNUAL, Plans.freshYear(secretary), null);
        ProcessInstance instance = instance(plan);
        assertThat(instance).isWaitingAt(TASK_DRAFT);

        execute(job(PlanApprovalProcess.TIMER_REMINDER, instance));
        Assertions.assertThat(latestKey(secretary)).isEqualTo("plan.notify.reminder");
        assertThat(instance).hasPassed("remindSecretary").isWaitingAt(TASK_DRAFT);

        execute(job(PlanApprovalProcess.TIMER_DEADLINE, instance));
        Assertions.assertThat(latestKey(leader)).isEqualTo("plan.notify.overdue");
        assertThat(instance).hasPassed("escalateToLeader").isWaitingAt(TASK_DRAFT);
    }

    @Test
    void timersAreGoneOnceThePlanIsRegistered() {
        Plan plan = Plans.submittedAnnual(plans, secretary);
        ProcessInstance instance = instance(plan);
        walkTo(instance, TASK_REGISTER_BY_DEPT);
        decide(dept, instance, Decision.APPROVE, null);

        assertThat(instance).isEnded();
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void supplementaryPlanNeedsOnlyTheLeader() {
        Plan plan = plans.create(secretary, PlanKind.SUPPLEMENTARY, 2027, 3);
        plan = plans.saveDraft(plan.getId(), secretary, Plans.form(plan, 2));
        plans.submit(plan.getId(), secretary, plan.getVersion());
        ProcessInstance instance = instance(plan);

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        decide(leader, instance, Decision.RETURN, "加上本月新讲话");
        assertThat(instance).isWaitingAt(TASK_DRAFT);
        Plan returned = plans.get(plan.getId(), secretary);
        plans.submit(plan.getId(), secretary, returned.getVersion());
        decide(leader, instance, Decision.APPROVE, null);

        assertThat(instance).hasPassedInOrder(TASK_DRAFT, TASK_APPROVE_BY_LEADER, TASK_DRAFT, TASK_APPROVE_BY_LEADER,
            "registerPlan").isEnded();
        Assertions.assertThat(sessions.ofPlan(plan.getId())).hasSize(2).allMatch(s -> s.getSessionMonth() == 3);
    }

    @Test
    void supplementaryTopicsOutsideItsMonthAreRefused() {
        Plan plan = plans.create(secretary, PlanKind.SUPPLEMENTARY, 2027, 4);
        PlanForm form = Plans.form(plan, 1);
        form.getTopics().get(0).setMonth(5);

        assertThatThrownBy(() -> plans.saveDraft(plan.getId(), secretary, form)).isInstanceOf(BusinessException.class);
        Assertions.assertThat(plans.topics(plans.get(plan.getId(), secretary), 1)).isEmpty();
    }

    /** Approves up to {@code stage} and returns who decides there. */
    private CurrentUser walkTo(ProcessInstance instance, String stage) {
        String[] order = {TASK_REVIEW_BY_PUBLICITY, TASK_APPROVE_BY_LEADER, TASK_REGISTER_BY_DEPT};
        CurrentUser[] deciders = {publicity, leader, dept};
        for (int i = 0; i < order.length; i++) {
            assertThat(instance).isWaitingAt(order[i]);
            if (order[i].equals(stage)) {
                return deciders[i];
            }
            decide(deciders[i], instance, Decision.APPROVE, null);
        }
        throw new IllegalArgumentException(stage);
    }

    private void decide(CurrentUser who, ProcessInstance instance, Decision decision, String comment) {
        tasks.decide(task(instance).getId(), who, decision, comment);
    }

    private ProcessInstance instance(Plan plan) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(plan.getProcessInstanceId()).singleResult();
    }

    private String latestKey(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0).getMessageKey();
    }
}
