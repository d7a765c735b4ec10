package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.UploadSamples;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Make-ups that may not be submitted or waived: each refusal has a clear message and changes nothing — not the
 * make-up, not its step, and no file is left behind.
 */
class MakeupInputTest extends MakeupGroupTest {

    @Autowired MakeupSubmissions submissions;
    @Autowired MakeupWaivers waivers;
    @Autowired TasklistService tasks;

    @Test
    void someoneElsesMakeupIsAsUnknownAsOneThatDoesNotExist() throws Exception {
        Makeup theirs = makeupOf(group.member2());

        refusedAndNothingKept(() -> submissions.submit(theirs.getId(), group.member(), new MakeupForm(NOTES), null),
            theirs, HttpStatus.NOT_FOUND, "error.notFound");
        refusedAndNothingKept(() -> submissions.submit(theirs.getId(), group.secretary(), new MakeupForm(NOTES),
            pdf("心得.pdf")), theirs, HttpStatus.NOT_FOUND, "error.notFound");
        assertThatThrownBy(() -> submissions.submit(Long.MAX_VALUE, group.member(), new MakeupForm(NOTES), null))
            .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void notesBelowTheMinimumOrAboveTheMaximumAreRefused() throws Exception {
        Makeup m = makeupOf(group.member());

        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES.substring(1)),
            pdf("心得.pdf")), m, HttpStatus.BAD_REQUEST, "makeup.error.notesTooShort");
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm("   " + NOTES.substring(3)
            + "   "), null), m, HttpStatus.BAD_REQUEST, "makeup.error.notesTooShort");
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(null), null), m,
            HttpStatus.BAD_REQUEST, "makeup.error.notesTooShort");
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm("学".repeat(10_001)),
            null), m, HttpStatus.BAD_REQUEST, "makeup.error.notesTooLong");

        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null);
        assertThat(makeupOf(group.member()).getNotes()).hasSize(300);
    }

    @Test
    void anExecutableOrADisguisedFileIsRefusedAndNoFileIsLeft() throws Exception {
        Makeup m = makeupOf(group.member());

        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES),
            file("补学心得.pdf", UploadSamples.exe())), m, HttpStatus.BAD_REQUEST, "upload.error.type");
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES),
            file("setup.exe", UploadSamples.exe())), m, HttpStatus.BAD_REQUEST, "upload.error.type");
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES),
            file("心得.docx", UploadSamples.html())), m, HttpStatus.BAD_REQUEST, "upload.error.type");
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES),
            file("../../心得.pdf", UploadSamples.PDF)), m, HttpStatus.BAD_REQUEST, "makeup.error.fileName");
    }

    @Test
    void submittingWhenTheMakeupDoesNotWaitForTheMemberIsRefused() throws Exception {
        Makeup m = makeupOf(group.member());
        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null);
        Makeup submitted = makeupOf(group.member());

        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES + "补充"),
            pdf("心得.pdf")), submitted, HttpStatus.CONFLICT, "makeup.error.notWaiting");

        tasks.decide(current(m).id(), group.secretary(), Decision.APPROVE, null);
        Makeup accepted = makeupOf(group.member());
        refusedAndNothingKept(() -> submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null),
            accepted, HttpStatus.CONFLICT, "makeup.error.notWaiting");
    }

    @Test
    void aWaiverWithoutAReasonByANonLeaderOrBeforeTheDueDateIsRefused() throws Exception {
        Makeup m = makeupOf(group.member());
        refusedAndNothingKept(() -> waivers.waive(m.getId(), group.leader(), "长期病休"), m, HttpStatus.CONFLICT,
            "makeup.error.notOverdue");
        execute(m, MakeupStudyProcess.TIMER_DUE);
        Makeup overdue = makeupOf(group.member());

        refusedAndNothingKept(() -> waivers.waive(m.getId(), group.leader(), "  "), overdue, HttpStatus.BAD_REQUEST,
            "makeup.error.reasonRequired");
        refusedAndNothingKept(() -> waivers.waive(m.getId(), group.leader(), null), overdue, HttpStatus.BAD_REQUEST,
            "makeup.error.reasonRequired");
        for (CurrentUser notLeader : new CurrentUser[] {group.secretary(), group.deputy(), group.member(), user("qz_dept")}) {
            refusedAndNothingKept(() -> waivers.waive(m.getId(), notLeader, "长期病休"), overdue, HttpStatus.FORBIDDEN,
                "makeup.error.notLeader");
        }
        refusedAndNothingKept(() -> waivers.waive(m.getId(), user("wfz_leader"), "长期病休"), overdue,
            HttpStatus.NOT_FOUND, "error.notFound");
        String waiverTask = workflow.activeTasks(m.getProcessInstanceId()).stream()
            .filter(t -> MakeupStudyProcess.TASK_WAIVER.equals(t.step())).findFirst().orElseThrow().id();
        refusedAndNothingKept(() -> tasks.decide(waiverTask, group.leader(), Decision.APPROVE, null), overdue,
            HttpStatus.BAD_REQUEST, "task.notDecidedHere");

        waivers.waive(m.getId(), group.leader(), "长期病休");
        assertThat(makeupOf(group.member()).getStatus()).isEqualTo(MakeupStatus.WAIVED);
    }

    @Test
    void theMemberCannotCompleteTheirStepThroughTheGenericDecisionForm() throws Exception {
        Makeup m = makeupOf(group.member());

        refusedAndNothingKept(() -> tasks.decide(current(m).id(), group.member(), Decision.APPROVE, null), m,
            HttpStatus.BAD_REQUEST, "task.notDecidedHere");
    }

    @Test
    void aSecretaryDoesNotCheckTheirOwnMakeupTheOtherSecretaryDoes() throws Exception {
        long missed = group.sessions().inDays(-2, group.secretary(), group.leader());
        roster.change(missed, group.leader().getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        records.markHeld(missed, group.leader(), 0);
        Makeup own = makeups.selectBySessionAndPerson(missed, group.secretary().getPersonId());
        submissions.submit(own.getId(), group.secretary(), new MakeupForm(NOTES), null);
        Makeup submitted = makeups.selectById(own.getId());

        refusedAndNothingKept(() -> tasks.decide(current(own).id(), group.secretary(), Decision.APPROVE, null), submitted,
            HttpStatus.FORBIDDEN, "makeup.error.ownMakeup");

        tasks.decide(current(own).id(), group.secretary2(), Decision.APPROVE, null);
        assertThat(makeups.selectById(own.getId()).getStatus()).isEqualTo(MakeupStatus.ACCEPTED);
    }

    private void refusedAndNothingKept(ThrowingCallable call, Makeup before, HttpStatus status, String key)
        throws Exception {
        long files = storedFiles();
        int actions = jdbc.queryForObject("SELECT COUNT(*) FROM sf_action WHERE subject_type = 'MAKEUP' AND subject_id = ?",
            Integer.class, before.getId());
        java.util.List<String> steps = workflow.activeTasks(before.getProcessInstanceId()).stream()
            .map(t -> t.step() + "/" + t.assignee()).sorted().toList();
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(status);
            assertThat(e.getMessageKey()).isEqualTo(key);
        });
        Makeup after = makeups.selectById(before.getId());
        assertThat(after.getVersion()).as("the make-up unchanged").isEqualTo(before.getVersion());
        assertThat(after.getStatus()).isEqualTo(before.getStatus());
        assertThat(after.getNotes()).isEqualTo(before.getNotes());
        assertThat(after.getFileStoredName()).isEqualTo(before.getFileStoredName());
        assertThat(storedFiles()).as("no file left").isEqualTo(files);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_action WHERE subject_type = 'MAKEUP' AND subject_id = ?",
            Integer.class, before.getId())).as("nothing recorded").isEqualTo(actions);
        assertThat(workflow.activeTasks(before.getProcessInstanceId()).stream().map(t -> t.step() + "/" + t.assignee())
            .sorted().toList()).as("the steps as they were").isEqualTo(steps);
    }
}
