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
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.mock.web.MockMultipartFile;

/** Sessions to hang materials on, and files as a person's computer would send them. */
final class MaterialFixtures {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : List.of("[Content_Types].xml", "_rels/.rels", mainFolder + "/document.xml")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MockMultipartFile docx(String name) {
        return file(name, ooxml("word"));
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows program: "MZ", a DOS stub and NUL bytes. */
    static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 78, stub.length);
        return bytes;
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
