package cn.studyflow.material;

import static cn.studyflow.material.MaterialReviewProcess.TASK_FIRST_REVIEW;
import static cn.studyflow.material.MaterialReviewProcess.TASK_SECOND_REVIEW;
import static cn.studyflow.material.MaterialReviewProcess.TASK_SIGN_OFF;
import static cn.studyflow.material.MaterialReviewProcess.TASK_SUBMIT;
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
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Walks every path of material-review.bpmn through StudyFlow's services, as the people of 卞桥镇党委 do. */
class MaterialReviewProcessTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired NotificationTexts texts;
    @Autowired PersonNames names;
    @Autowired MaterialService materials;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;
    @Autowired JdbcTemplate jdbc;

    CurrentUser author;
    CurrentUser otherMember;
    CurrentUser office;
    CurrentUser publicity;
    CurrentUser leader;
    StudySession session;
    /** The process instance of the material uploaded last. */
    ProcessInstance current;

    @BeforeEach
    void setUp() {
        init(engine);
        author = user("bq_member");
        otherMember = user("bq_member2");
        office = user("bq_office");
        publicity = user("bq_publicity");
        leader = user("bq_leader");
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(2);
        // a session with its day and hour, as scheduling gives it: deadlines and reminders count from it
        jdbc.update("UPDATE sf_study_session SET session_date = ?, start_time = ? WHERE id = ?", sessionStart().toLocalDate(),
            sessionStart().toLocalTime(), session.getId());
    }

    private LocalDateTime sessionStart() {
        return LocalDate.of(session.getSessionYear(), session.getSessionMonth(), 15).atTime(14, 30);
    }

    @Test
    void approvedMaterialPassesBothReviewsAndTheSignOffAndIsArchivedForTheWholeGroup() {
        Material m = upload("学习贯彻党的二十届四中全会精神研讨发言", true);
        ProcessInstance instance = instance(m);
        long org = author.getOrgId();

        assertThat(instance).isWaitingAt(TASK_FIRST_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("org:" + org + ":office");
        assertThatThrownBy(() -> materials.get(m.getId(), otherMember)).isInstanceOf(BusinessException.class);
        firstReview(office, Decision.APPROVE, true, "材料完整，格式规范");
        Assertions.assertThat(latest(author).getMessageKey()).isEqualTo("material.notify.passed");

        assertThat(instance).isWaitingAt(TASK_SECOND_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("org:" + org + ":publicity");
        secondReview(publicity, null, null, "政治站位高，论述严谨");

        assertThat(instance).isWaitingAt(TASK_SIGN_OFF);
        assertThat(task(instance)).hasCandidateGroup("org:" + org + ":leader").hasCandidateGroup("org:" + org + ":deputy");
        tasks.decide(task(instance).getId(), leader, Decision.APPROVE, "同意");

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, TASK_FIRST_REVIEW, TASK_SECOND_REVIEW, TASK_SIGN_OFF,
            MaterialReviewProcess.SERVICE_ARCHIVE, MaterialReviewProcess.END_ARCHIVED).isEnded();
        Material archived = materials.get(m.getId(), otherMember);
        Assertions.assertThat(archived.getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
        Assertions.assertThat(archived.getArchivedAt()).isNotNull();
        Assertions.assertThat(materials.list(otherMember, session.getId(), null, false, 0, 20).items())
            .extracting(Material::getId).contains(m.getId());
        Assertions.assertThat(latest(author).getMessageKey()).isEqualTo("material.notify.archived");

        List<MaterialReview> reviews = materials.versions(archived).get(0).getReviews();
        Assertions.assertThat(reviews).extracting(MaterialReview::getStep)
            .containsExactly(TASK_FIRST_REVIEW, TASK_SECOND_REVIEW, TASK_SIGN_OFF);
        Assertions.assertThat(reviews.get(0).getNotClassified()).isTrue();
        Assertions.assertThat(reviews.get(1).getChecks()).extracting(MaterialCheck::getItem)
            .containsExactly(CheckItem.POLITICAL, CheckItem.ACADEMIC, CheckItem.LEGAL);
        Assertions.assertThat(reviews.get(1).getChecks()).allMatch(MaterialCheck::isPassed);
        Assertions.assertThat(materials.timeline(archived)).extracting(Action::getAction)
            .containsExactly("CREATE", "SUBMIT", "APPROVE", "APPROVE", "APPROVE", "ARCHIVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {TASK_FIRST_REVIEW, TASK_SECOND_REVIEW, TASK_SIGN_OFF})
    void returnedMaterialGoesBackToItsAuthorWhoUploadsARevisionThatIsReviewedAgain(String stage) {
        Material m = upload("关于乡村振兴的调研报告", true);
        ProcessInstance instance = instance(m);
        walkTo(instance, stage);

        CurrentUser returner = switch (stage) {
            case TASK_FIRST_REVIEW -> {
                firstReview(office, Decision.RETURN, false, "缺少调研数据来源");
                yield office;
            }
            case TASK_SECOND_REVIEW -> {
                secondReview(publicity, CheckItem.LEGAL, "引用的条例已废止", null);
                yield publicity;
            }
            default -> {
                tasks.decide(task(instance).getId(), leader, Decision.RETURN, "请结合本镇实际再充实");
                yield leader;
            }
        };

        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).isAssignedTo(author.getUsername());
        Material returned = materials.get(m.getId(), author);
        Assertions.assertThat(returned.getStatus()).isEqualTo(MaterialStatus.RETURNED);
        Notification told = latest(author);
        Assertions.assertThat(told.getMessageKey()).isEqualTo("material.notify.returned");
        Assertions.assertThat(texts.args(told)).contains(names.byId(returner.getPersonId()));
        Assertions.assertThat(told.argList().get(3)).isNotBlank();

        // the same file cannot simply be sent again
        assertThatThrownBy(() -> uploads.submit(m.getId(), author, returned.getVersion()))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> Assertions.assertThat(e.getMessageKey()).isEqualTo("material.error.newVersionRequired"));

        MaterialForm revision = new MaterialForm();
        revision.setNote("按审核意见修改");
        revision.setVersion(returned.getVersion());
        uploads.addVersion(m.getId(), author, revision, MaterialFixtures.pdf("调研报告-修改稿.pdf"), true);

        assertThat(instance).isWaitingAt(TASK_FIRST_REVIEW);
        List<MaterialVersion> versions = materials.versions(materials.get(m.getId(), author));
        Assertions.assertThat(versions).extracting(MaterialVersion::getOriginalName)
            .containsExactly("调研报告.pdf", "调研报告-修改稿.pdf");
        Assertions.assertThat(versions).allMatch(v -> v.getSubmittedAt() != null);
        Assertions.assertThat(versions.get(0).getReviews()).last()
            .satisfies(r -> Assertions.assertThat(r.getDecision()).isEqualTo(Decision.RETURN));
        Assertions.assertThat(versions.get(1).getReviews()).isEmpty();

        walkTo(instance, TASK_SIGN_OFF);
        tasks.decide(task(instance).getId(), leader, Decision.APPROVE, null);
        assertThat(instance).isEnded();
        Assertions.assertThat(materials.get(m.getId(), author).getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
        Assertions.assertThat(materials.versions(materials.get(m.getId(), author)).get(1).getReviews()).hasSize(3);
    }

    @Test
    void theCurrentReviewerIsRemindedBeforeTheDeadlineAndTheLeaderToldWhenItPasses() {
        Material m = upload("心得体会", true);
        ProcessInstance instance = instance(m);
        assertThat(instance).isWaitingAt(TASK_FIRST_REVIEW);
        int authorsBefore = notifications.countByPerson(author.getPersonId());

        execute(job(MaterialReviewProcess.TIMER_REMINDER, instance));
        Notification reminder = latest(office);
        Assertions.assertThat(reminder.getMessageKey()).isEqualTo("material.notify.reminder");
        Assertions.assertThat(reminder.getLink()).startsWith("/tasks/");
        Assertions.assertThat(notifications.countByPerson(author.getPersonId())).isEqualTo(authorsBefore);
        assertThat(instance).hasPassed(MaterialReviewProcess.SERVICE_REMIND).isWaitingAt(TASK_FIRST_REVIEW);

        execute(job(MaterialReviewProcess.TIMER_OVERDUE, instance));
        Notification overdue = latest(leader);
        Assertions.assertThat(overdue.getMessageKey()).isEqualTo("material.notify.overdue");
        Assertions.assertThat(overdue.argList()).contains("办公室初审");
        assertThat(instance).hasPassed(MaterialReviewProcess.SERVICE_OVERDUE).isWaitingAt(TASK_FIRST_REVIEW);
        Assertions.assertThat(materials.timeline(m)).extracting(Action::getAction).contains("REMIND", "ESCALATE");
    }

    @Test
    void aMaterialStillWithItsAuthorRemindsTheAuthor() {
        Material m = upload("党课讲稿", false);
        ProcessInstance instance = instance(m);
        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).isAssignedTo(author.getUsername());

        execute(job(MaterialReviewProcess.TIMER_REMINDER, instance));

        Notification reminder = latest(author);
        Assertions.assertThat(reminder.getMessageKey()).isEqualTo("material.notify.reminder");
        Assertions.assertThat(reminder.getLink()).isEqualTo("/materials/" + m.getId());
    }

    @Test
    void aClaimedTaskRemindsOnlyItsClaimant() {
        Material m = upload("讲课课件", true);
        ProcessInstance instance = instance(m);
        walkTo(instance, TASK_SIGN_OFF);
        CurrentUser deputy = user("bq_deputy");
        tasks.claim(task(instance).getId(), deputy);
        int leadersBefore = notifications.countByPerson(leader.getPersonId());

        execute(job(MaterialReviewProcess.TIMER_REMINDER, instance));

        Assertions.assertThat(latest(deputy).getMessageKey()).isEqualTo("material.notify.reminder");
        Assertions.assertThat(notifications.countByPerson(leader.getPersonId())).isEqualTo(leadersBefore);
    }

    @Test
    void timersAreGoneOnceTheMaterialIsArchived() {
        Material m = upload("研讨发言", true);
        ProcessInstance instance = instance(m);
        walkTo(instance, TASK_SIGN_OFF);
        tasks.decide(task(instance).getId(), leader, Decision.APPROVE, null);

        assertThat(instance).isEnded();
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
            .isZero();
    }

    @Test
    void theDeadlineIsThreeDaysBeforeTheSessionStartsAndThereIsNoneWhileTheSessionHasNoDay() {
        Material dated = upload("按开始时间计算", false);
        LocalDateTime deadline = sessionStart().minusDays(3);
        Assertions.assertThat(deadlineVariable(dated)).isEqualTo(deadline);
        Assertions.assertThat(materials.get(dated.getId(), author).getDeadline().atZoneSameInstant(SHANGHAI)
            .toLocalDateTime()).isEqualTo(deadline);
        Date reminderAt = (Date) runtimeService().getVariable(dated.getProcessInstanceId(),
            MaterialReviewProcess.VAR_REMINDER_AT);
        Assertions.assertThat(reminderAt.toInstant().atZone(SHANGHAI).toLocalDateTime()).isEqualTo(deadline.minusDays(2));

        jdbc.update("UPDATE sf_study_session SET session_date = NULL, start_time = NULL WHERE id = ?", session.getId());
        Material undated = upload("尚未定日期", false);
        Assertions.assertThat(materials.get(undated.getId(), author).getDeadline()).as("no invented deadline").isNull();
        Assertions.assertThat(runtimeService().getVariable(undated.getProcessInstanceId(), MaterialReviewProcess.VAR_DEADLINE))
            .isNull();
    }

    private Material upload(String title, boolean submit) {
        String name = title.startsWith("关于") ? "调研报告.pdf" : title + ".pdf";
        Material m = uploads.create(author, MaterialFixtures.form(session, title), MaterialFixtures.pdf(name), submit);
        current = instance(m);
        return m;
    }

    /** Approves every step before {@code stage}. */
    private void walkTo(ProcessInstance instance, String stage) {
        if (stage.equals(TASK_FIRST_REVIEW)) {
            assertThat(instance).isWaitingAt(TASK_FIRST_REVIEW);
            return;
        }
        firstReview(office, Decision.APPROVE, true, null);
        if (stage.equals(TASK_SECOND_REVIEW)) {
            assertThat(instance).isWaitingAt(TASK_SECOND_REVIEW);
            return;
        }
        secondReview(publicity, null, null, null);
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF);
    }

    private void firstReview(CurrentUser who, Decision decision, boolean notClassified, String comment) {
        FirstReviewForm form = new FirstReviewForm();
        form.setDecision(decision);
        form.setNotClassified(notClassified);
        form.setComment(comment);
        reviews.firstReview(currentTaskId(), who, form);
    }

    /** Every item passes, except {@code failed} when given. */
    private void secondReview(CurrentUser who, CheckItem failed, String note, String comment) {
        SecondReviewForm form = new SecondReviewForm();
        for (CheckItem item : CheckItem.values()) {
            form.getPassed().put(item, item != failed);
            if (item == failed) {
                form.getNotes().put(item, note);
            }
        }
        form.setComment(comment);
        reviews.secondReview(currentTaskId(), who, form);
    }

    private String currentTaskId() {
        return task(current).getId();
    }

    private LocalDateTime deadlineVariable(Material m) {
        Date deadline = (Date) runtimeService().getVariable(m.getProcessInstanceId(), MaterialReviewProcess.VAR_DEADLINE);
        return deadline.toInstant().atZone(SHANGHAI).toLocalDateTime();
    }

    private ProcessInstance instance(Material m) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(m.getProcessInstanceId()).singleResult();
    }

    private Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }
}
