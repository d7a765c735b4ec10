package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.notify.Notification;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.task.Copies;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The approval operations on a make-up: 转办 to the other secretary, 委派 to the office, 加签, 退回 to the member,
 * 撤回 by the member, 抄送 and 催办. The make-up follows each, and an acceptance after each still marks the roster
 * made up.
 */
class MakeupOperationsTest extends MakeupGroupTest {

    @Autowired MakeupSubmissions submissions;
    @Autowired MakeupService service;
    @Autowired TasklistService tasks;
    @Autowired ApprovalOperations ops;
    @Autowired Copies copies;

    @Test
    void transferredMakeupIsAcceptedByTheOtherSecretary() {
        Makeup m = submitted();
        TaskInfo step = current(m);
        tasks.claim(step.id(), group.secretary());

        ops.transfer(step.id(), group.secretary(), group.secretary2().getUsername(), "我本周外出，请代为审核");

        assertThat(current(m).assignee()).isEqualTo(group.secretary2().getUsername());
        assertThat(latest(group.secretary2()).getMessageKey()).isEqualTo("ops.notify.transferred");
        tasks.decide(step.id(), group.secretary2(), Decision.APPROVE, null);
        assertAccepted(m, group.secretary2());
    }

    @Test
    void delegatedMakeupComesBackToTheSecretaryWhoAccepts() {
        Makeup m = submitted();
        TaskInfo step = current(m);
        tasks.claim(step.id(), group.secretary());

        ops.delegate(step.id(), group.secretary(), group.office().getUsername(), "请核对是否与材料相符");
        MakeupStudyProcessTest.refused(() -> tasks.decide(step.id(), group.office(), Decision.APPROVE, null),
            HttpStatus.CONFLICT);
        ops.resolve(step.id(), group.office(), "已核对");

        assertThat(current(m).assignee()).isEqualTo(group.secretary().getUsername());
        tasks.decide(step.id(), group.secretary(), Decision.APPROVE, null);
        assertAccepted(m, group.secretary());
    }

    @Test
    void anAddedSignerSignsFirstThenTheSecretaryAccepts() {
        Makeup m = submitted();
        TaskInfo step = current(m);

        ops.addSigner(step.id(), group.secretary(), group.deputy().getUsername(), SignPosition.BEFORE, "请副组长把关");
        MakeupStudyProcessTest.refused(() -> tasks.decide(step.id(), group.secretary(), Decision.APPROVE, null),
            HttpStatus.CONFLICT);
        tasks.decide(signerTask(group.deputy(), step).id(), group.deputy(), Decision.APPROVE, "同意");

        assertThat(makeupOf(group.member()).getStatus()).isEqualTo(MakeupStatus.SUBMITTED);
        assertThat(madeUp(group.member())).isFalse();
        tasks.decide(step.id(), group.secretary(), Decision.APPROVE, null);
        assertAccepted(m, group.secretary());
    }

    @Test
    void returnToTheMemberAndSubmittedAgain() {
        Makeup m = submitted();

        ops.returnTo(current(m).id(), group.secretary(), MakeupStudyProcess.TASK_SUBMIT, "请补充学习体会");

        assertThat(makeupOf(group.member()).getStatus()).isEqualTo(MakeupStatus.RETURNED);
        assertThat(current(m).assignee()).isEqualTo(group.member().getUsername());
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("ops.notify.returnedTo");
        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null);
        tasks.decide(current(m).id(), group.secretary(), Decision.APPROVE, null);
        assertAccepted(m, group.secretary());
    }

    @Test
    void theMemberWithdrawsWhileItWaitsAndSubmitsAgainButNotOnceTheSecretaryHasIt() {
        Makeup m = submitted();
        assertThat(ops.instanceView(m.getProcessInstanceId(), group.member()).canWithdraw()).isTrue();

        ops.withdraw(m.getProcessInstanceId(), group.member(), "附件传错了");

        assertThat(makeupOf(group.member()).getStatus()).isEqualTo(MakeupStatus.WITHDRAWN);
        assertThat(current(m).step()).isEqualTo(MakeupStudyProcess.TASK_SUBMIT);
        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), pdf("补学心得.pdf"));
        tasks.claim(current(m).id(), group.secretary());
        MakeupStudyProcessTest.refused(() -> ops.withdraw(m.getProcessInstanceId(), group.member(), null),
            HttpStatus.CONFLICT);
        MakeupStudyProcessTest.refused(() -> ops.withdraw(m.getProcessInstanceId(), user("wfz_member"), null),
            HttpStatus.NOT_FOUND);
        assertThat(makeupOf(group.member()).getStatus()).isEqualTo(MakeupStatus.SUBMITTED);
    }

    @Test
    void theLeaderCopiedFindsTheMakeupAndTheMemberUrgesTheSecretary() {
        Makeup m = submitted();
        TaskInfo step = current(m);

        ops.copy(step.id(), group.secretary(), List.of(group.leader().getUsername()), "请知悉");
        ops.urge(m.getProcessInstanceId(), group.member(), "请尽快审核");

        assertThat(copies.isCopiedTo(Makeups.ref(m), group.leader())).isTrue();
        assertThat(latest(group.leader()).getMessageKey()).isEqualTo("ops.notify.copied");
        Notification urged = latest(group.secretary());
        assertThat(urged.getMessageKey()).isEqualTo("ops.notify.urged");
        assertThat(urged.getLink()).isEqualTo("/tasks/" + step.id());
        MakeupStudyProcessTest.refused(() -> ops.copy(step.id(), group.secretary(), List.of("wfz_member"), null),
            HttpStatus.BAD_REQUEST);
        MakeupStudyProcessTest.refused(() -> ops.urge(m.getProcessInstanceId(), user("wfz_member"), null),
            HttpStatus.NOT_FOUND);
        assertThat(current(m).assignee()).as("neither claims").isNull();
    }

    private Makeup submitted() {
        Makeup m = makeupOf(group.member());
        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null);
        return m;
    }

    private void assertAccepted(Makeup m, CurrentUser checker) {
        Makeup done = service.get(m.getId(), group.member());
        assertThat(done.getStatus()).isEqualTo(MakeupStatus.ACCEPTED);
        assertThat(done.getDeciderName()).isEqualTo(checker.getDisplayName());
        assertThat(madeUp(group.member())).isTrue();
    }

    private TaskInfo signerTask(CurrentUser signer, TaskInfo step) {
        return tasks.list(signer, TaskFilter.View.MINE, null, null, null, TaskFilter.Sort.CREATED, false, 0, 100)
            .items().stream().filter(t -> step.id().equals(t.parentTaskId())).findFirst().orElseThrow();
    }
}
