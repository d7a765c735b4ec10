package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.SessionRecords;
import cn.studyflow.support.StudyGroupTest;
import cn.studyflow.upload.UploadSamples;
import cn.studyflow.workflow.TaskInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The make-up tests' base: a study group of the test's own under 青州市委 whose session of yesterday the secretary
 * marks held, with the member on leave, the second member absent (still expected when it was marked held) and the
 * leader and the deputy present: the two members get a make-up each.
 */
abstract class MakeupGroupTest extends StudyGroupTest {

    /** Notes of exactly the default minimum, 300 characters. */
    static final String NOTES = "学".repeat(280) + "深入学习，联系实际抓好落实。" + "学".repeat(6);

    @Autowired SessionRecords records;
    @Autowired MakeupMapper makeups;
    @Autowired ProcessEngine engine;
    @Value("${studyflow.data-dir}") String dataDir;

    protected long sessionId;

    @Override
    protected String townName() {
        return "补学测试镇党委";
    }

    @BeforeEach
    void holdSession() {
        sessionId = group.sessions().inDays(-1, group.member(), group.member2(), group.leader(), group.deputy());
        roster.change(sessionId, group.member().getPersonId(), Attendance.EXPECTED, Attendance.LEAVE,
            group.leader().getPersonId(), "赴省城参加招商推介会");
        roster.change(sessionId, group.leader().getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        roster.change(sessionId, group.deputy().getPersonId(), Attendance.EXPECTED, Attendance.LATE, null, null);
        records.markHeld(sessionId, group.secretary(), 0);
    }

    /** This person's make-up of the test's session, as the table holds it now; null when there is none. */
    protected Makeup makeupOf(CurrentUser who) {
        return makeups.selectBySessionAndPerson(sessionId, who.getPersonId());
    }

    protected TaskInfo current(Makeup m) {
        return onlyTask(m.getProcessInstanceId());
    }

    protected boolean madeUp(CurrentUser who) {
        return roster.entry(sessionId, who.getPersonId()).orElseThrow().isMadeUp();
    }

    protected List<Job> jobs(Makeup m) {
        return engine.getManagementService().createJobQuery().processInstanceId(m.getProcessInstanceId()).list();
    }

    protected void execute(Makeup m, String timer) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(m.getProcessInstanceId())
            .activityId(timer).singleResult();
        engine.getManagementService().executeJob(job.getId());
    }

    /** How many make-up files lie under the data directory. */
    protected long storedFiles() throws Exception {
        Path dir = Path.of(dataDir, "makeup-files");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", UploadSamples.PDF);
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }
}
