package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.Notification;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.MySession;
import cn.studyflow.session.SessionHeld;
import cn.studyflow.session.SessionQueries;
import cn.studyflow.task.Action;
import cn.studyflow.task.BatchResult;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.CRC32;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The make-up study end to end through StudyFlow's services: assigned when the session is marked held (once),
 * submitted by the member, returned and submitted again, accepted by the secretary so that the roster and the
 * member's year read "made up", several accepted in one batch, reminded, overdue and waived by the leader.
 * {@code MakeupStudyBpmnTest} walks the model on its own.
 */
class MakeupStudyProcessTest extends MakeupGroupTest {

    @Autowired MakeupSubmissions submissions;
    @Autowired MakeupWaivers waivers;
    @Autowired MakeupService service;
    @Autowired TasklistService tasks;
    @Autowired SessionQueries queries;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @Test
    void aHeldSessionGivesWhoeverWasOnLeaveOrAbsentOneMakeupDueInFifteenDays() {
        Makeup onLeave = makeupOf(group.member());
        Makeup absent = makeupOf(group.member2());

        assertThat(onLeave.getAbsence()).isEqualTo(Attendance.LEAVE);
        assertThat(absent.getAbsence()).isEqualTo(Attendance.ABSENT);
        assertThat(makeupOf(group.leader())).as("present").isNull();
        assertThat(makeupOf(group.deputy())).as("late is present").isNull();
        assertThat(onLeave.getStatus()).isEqualTo(MakeupStatus.ASSIGNED);
        assertThat(Duration.between(OffsetDateTime.now(), onLeave.getDueAt()).toDays()).isBetween(14L, 15L);
        TaskInfo step = current(onLeave);
        assertThat(step.step()).isEqualTo(MakeupStudyProcess.TASK_SUBMIT);
        assertThat(step.assignee()).isEqualTo(group.member().getUsername());
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("makeup.notify.assigned");
        assertThat(latest(group.member()).getLink()).isEqualTo("/makeups/" + onLeave.getId());

        transaction.executeWithoutResult(status -> events.publishEvent(new SessionHeld(sessionId)));

        assertThat(makeupOf(group.member()).getId()).as("held twice starts nothing twice").isEqualTo(onLeave.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_makeup WHERE session_id = ?", Integer.class, sessionId))
            .isEqualTo(2);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey("MAKEUP:" + onLeave.getId()).count()).isOne();
    }

    @Test
    void makeupAcceptedByTheSecretaryReadsOnLeaveMadeUp() {
        Makeup m = makeupOf(group.member());

        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null);

        TaskInfo check = current(m);
        assertThat(check.step()).isEqualTo(MakeupStudyProcess.TASK_CHECK);
        assertThat(workflow.candidateGroups(check.id())).containsExactly("org:" + group.org().getId() + ":secretary");
        assertThat(makeupOf(group.member()).getStatus()).isEqualTo(MakeupStatus.SUBMITTED);
        assertThat(latest(group.secretary()).getMessageKey()).isEqualTo("makeup.notify.submitted");
        assertThat(latest(group.secretary()).getLink()).isEqualTo("/tasks/" + check.id());
        assertThat(madeUp(group.member())).isFalse();

        tasks.decide(check.id(), group.secretary(), Decision.APPROVE, "心得扎实");

        Makeup done = service.get(m.getId(), group.member());
        assertThat(done.getStatus()).isEqualTo(MakeupStatus.ACCEPTED);
        assertThat(done.getDeciderName()).isEqualTo(group.secretary().getDisplayName());
        assertThat(madeUp(group.member())).isTrue();
        assertThat(attendance(sessionId, group.member())).as("still on leave, now made up").isEqualTo(Attendance.LEAVE);
        assertThat(madeUp(group.member2())).as("nobody else").isFalse();
        MySession year = queries.attended(group.member()).stream().filter(s -> s.getId() == sessionId).findFirst()
            .orElseThrow();
        assertThat(year.getAttendance()).isEqualTo(Attendance.LEAVE);
        assertThat(year.isMadeUp()).isTrue();
        assertThat(workflow.isRunning(m.getProcessInstanceId())).isFalse();
        assertThat(jobs(m)).as("no timer left").isEmpty();
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("makeup.notify.accepted");
        assertThat(service.timeline(done)).extracting(Action::getAction)
            .containsExactly("MAKEUP_SUBMIT", "APPROVE", "MAKEUP_MADE_UP");
    }

    @Test
    void returnedMakeupGoesBackToTheMemberWithTheCommentAndIsAcceptedWhenRevised() throws IOException {
        Makeup m = makeupOf(group.member2());
        submissions.submit(m.getId(), group.member2(), new MakeupForm(NOTES), null);
        refused(() -> tasks.decide(current(m).id(), group.secretary(), Decision.RETURN, " "), HttpStatus.BAD_REQUEST);

        tasks.decide(current(m).id(), group.secretary(), Decision.RETURN, "请结合分管工作谈体会");

        Makeup back = service.get(m.getId(), group.member2());
        assertThat(back.getStatus()).isEqualTo(MakeupStatus.RETURNED);
        assertThat(back.getDecisionComment()).isEqualTo("请结合分管工作谈体会");
        assertThat(current(m).step()).isEqualTo(MakeupStudyProcess.TASK_SUBMIT);
        assertThat(current(m).assignee()).isEqualTo(group.member2().getUsername());
        Notification told = latest(group.member2());
        assertThat(told.getMessageKey()).isEqualTo("makeup.notify.returned");
        assertThat(told.argList()).contains("请结合分管工作谈体会");
        assertThat(service.isWithMember(back, group.member2())).isTrue();

        MockMultipartFile file = pdf("补学心得.pdf");
        submissions.submit(m.getId(), group.member2(), new MakeupForm(NOTES + "结合分管的农业农村工作，要抓好落实。"), file);
        CRC32 crc = new CRC32();
        crc.update(file.getBytes());

        Makeup again = service.get(m.getId(), group.member2());
        assertThat(again.getNotes()).endsWith("抓好落实。");
        assertThat(again.getFileName()).isEqualTo("补学心得.pdf");
        assertThat(again.getFileType()).isEqualTo(MakeupFileType.PDF);
        assertThat(again.getFileCrc32()).as("kept for the year's archive").isEqualTo(crc.getValue());
        tasks.decide(current(m).id(), group.secretary2(), Decision.APPROVE, null);
        assertThat(madeUp(group.member2())).isTrue();
        assertThat(attendance(sessionId, group.member2())).isEqualTo(Attendance.ABSENT);
        assertThat(service.timeline(again)).extracting(Action::getAction)
            .containsExactly("MAKEUP_SUBMIT", "RETURN", "MAKEUP_RESUBMIT", "APPROVE", "MAKEUP_MADE_UP");
    }

    @Test
    void theSecretaryAcceptsBothMakeupsOfTheSessionInOneBatchEachRecorded() {
        Makeup first = makeupOf(group.member());
        Makeup second = makeupOf(group.member2());
        submissions.submit(first.getId(), group.member(), new MakeupForm(NOTES), null);
        submissions.submit(second.getId(), group.member2(), new MakeupForm(NOTES), null);
        List<String> ids = List.of(current(first).id(), current(second).id());
        assertThat(ids).allMatch(id -> tasks.isBatchApprovable(workflow.task(id).orElseThrow()));

        List<BatchResult> results = tasks.decideAll(ids, group.secretary(), "均已认真补学");

        assertThat(results).allMatch(BatchResult::approved);
        assertThat(madeUp(group.member())).isTrue();
        assertThat(madeUp(group.member2())).isTrue();
        for (Makeup m : List.of(first, second)) {
            Makeup done = service.get(m.getId(), group.secretary());
            assertThat(done.getStatus()).isEqualTo(MakeupStatus.ACCEPTED);
            assertThat(service.timeline(done)).extracting(Action::getAction).contains("BATCH_APPROVE", "MAKEUP_MADE_UP");
        }
    }

    @Test
    void theMemberIsRemindedBeforeTheDueDateAndAtItTheLeaderIsToldAndMayWaive() {
        Makeup m = makeupOf(group.member());
        int leadersBefore = notifications.countByPerson(group.leader().getPersonId());

        execute(m, MakeupStudyProcess.TIMER_REMINDER);

        Notification reminder = latest(group.member());
        assertThat(reminder.getMessageKey()).isEqualTo("makeup.notify.reminder");
        assertThat(reminder.getLink()).isEqualTo("/makeups/" + m.getId());
        assertThat(notifications.countByPerson(group.leader().getPersonId())).isEqualTo(leadersBefore);
        refused(() -> waivers.waive(m.getId(), group.leader(), "病休"), HttpStatus.CONFLICT);

        execute(m, MakeupStudyProcess.TIMER_DUE);

        assertThat(latest(group.leader()).getMessageKey()).isEqualTo("makeup.notify.overdue");
        assertThat(latest(group.leader2()).getMessageKey()).isEqualTo("makeup.notify.overdue");
        List<TaskInfo> open = workflow.activeTasks(m.getProcessInstanceId());
        assertThat(open).extracting(TaskInfo::step)
            .containsExactlyInAnyOrder(MakeupStudyProcess.TASK_SUBMIT, MakeupStudyProcess.TASK_WAIVER);
        assertThat(makeupOf(group.member()).getStatus()).as("the task stays open").isEqualTo(MakeupStatus.ASSIGNED);
        assertThat(service.mayWaive(makeupOf(group.member()), group.leader())).isTrue();

        waivers.waive(m.getId(), group.leader(), "长期病休，经党委研究免予补学");

        Makeup waived = service.get(m.getId(), group.member());
        assertThat(waived.getStatus()).isEqualTo(MakeupStatus.WAIVED);
        assertThat(waived.getWaiverName()).isEqualTo(group.leader().getDisplayName());
        assertThat(waived.getWaiveReason()).isEqualTo("长期病休，经党委研究免予补学");
        assertThat(workflow.isRunning(m.getProcessInstanceId())).isFalse();
        assertThat(madeUp(group.member())).isFalse();
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("makeup.notify.waived");
        assertThat(service.timeline(waived)).extracting(Action::getAction)
            .containsExactly("REMIND", "MAKEUP_OVERDUE", "MAKEUP_WAIVE");
        refused(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null), HttpStatus.CONFLICT);
    }

    @Test
    void aMakeupSubmittedLateIsStillAcceptedAndTheLeadersStepGoes() {
        Makeup m = makeupOf(group.member2());
        execute(m, MakeupStudyProcess.TIMER_DUE);

        submissions.submit(m.getId(), group.member2(), new MakeupForm(NOTES), null);
        TaskInfo check = workflow.activeTasks(m.getProcessInstanceId()).stream()
            .filter(t -> MakeupStudyProcess.TASK_CHECK.equals(t.step())).findFirst().orElseThrow();
        tasks.decide(check.id(), group.secretary(), Decision.APPROVE, null);

        assertThat(makeupOf(group.member2()).getStatus()).isEqualTo(MakeupStatus.ACCEPTED);
        assertThat(workflow.isRunning(m.getProcessInstanceId())).isFalse();
        assertThat(madeUp(group.member2())).isTrue();
    }

    static void refused(ThrowingCallable call, HttpStatus status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class,
            e -> assertThat(e.getStatus()).isEqualTo(status));
    }
}
