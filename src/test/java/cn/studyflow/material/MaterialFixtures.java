package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.UploadSamples;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.function.Function;
import org.springframework.mock.web.MockMultipartFile;

/** Sessions to hang materials on, and files as a person's computer would send them. */
final class MaterialFixtures {

    static final byte[] PDF = UploadSamples.PDF;

    private MaterialFixtures() {
    }

    /**
     * Approves an annual plan of the demo organisation {@code org} through its whole process, as its people and
     * the superior's dept do, and returns the twelve sessions it schedules.
     */
    static List<StudySession> sessionsOf(DemoOrg org, Function<String, CurrentUser> user,
                                         PlanService plans, TasklistService tasks, Workflow workflow,
                                         SessionService sessions) {
        Plan plan = Plans.submittedAnnual(plans, user.apply(org.planDecider(PlanApprovalProcess.TASK_DRAFT)));
        for (String who : org.planApprovers()) {
            TaskInfo step = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
            tasks.decide(step.id(), user.apply(who), Decision.APPROVE, null);
        }
        return sessions.ofPlan(plan.getId());
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    static MockMultipartFile pdf(String name) {
        return file(name, PDF);
    }

    static byte[] ooxml(String mainFolder) {
        return UploadSamples.ooxml(mainFolder);
    }

    static MockMultipartFile docx(String name) {
        return file(name, ooxml("word"));
    }

    static byte[] html() {
        return UploadSamples.html();
    }

    static byte[] exe() {
        return UploadSamples.exe();
    }

    static MaterialForm form(StudySession session, String title) {
        MaterialForm form = new MaterialForm();
        form.setSessionId(session.getId());
        form.setKind(MaterialKind.SPEECH);
        form.setTitle(title);
        form.setSummary("围绕专题谈学习体会和下一步工作打算。");
        return form;
    }
}
