package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.FileStore;
import cn.studyflow.upload.UploadSamples;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every bad input of issue 3: each is refused with its own message, and nothing is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialInputTest extends IntegrationTest {

    @Autowired MaterialService materials;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired MaterialFiles files;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Value("${studyflow.data-dir}") String dataDir;

    CurrentUser author;
    List<StudySession> ownSessions;
    StudySession session;
    StudySession elsewhere;

    @BeforeAll
    void setUp() {
        author = user("bq_member");
        ownSessions = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions);
        session = ownSessions.get(5);
        elsewhere = MaterialFixtures.sessionsOf(DemoOrg.WFZ, this::user, plans, tasks, workflow, sessions).get(0);
    }

    @Test
    void anEmptyFileIsRefused() {
        refusedOnUpload(MaterialFixtures.file("发言.pdf", new byte[0]), "material.error.fileEmpty");
    }

    @Test
    void noFileAtAllIsRefused() {
        refusedOnUpload(MaterialFixtures.file("", new byte[0]), "material.error.fileRequired");
        assertNothingStored(() -> uploads.create(author, MaterialFixtures.form(session, "无文件"), null, true),
            "material.error.fileRequired");
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(MaterialFixtures.PDF, 0, big, 0, MaterialFixtures.PDF.length);
        BusinessException e = refusedOnUpload(MaterialFixtures.file("课件.pdf", big), "material.error.fileTooLarge");
        assertThat(e.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(e.getArgs()).containsExactly(20L);
    }

    @Test
    void aProgramRenamedPdfIsRefused() {
        refusedOnUpload(MaterialFixtures.file("学习资料.pdf", MaterialFixtures.exe()), "upload.error.type");
    }

    @Test
    void htmlRenamedDocxIsRefused() {
        refusedOnUpload(MaterialFixtures.file("发言.docx", MaterialFixtures.html()), "upload.error.type");
    }

    @Test
    void htmlRenamedTxtIsRefused() {
        refusedOnUpload(MaterialFixtures.file("心得.txt", MaterialFixtures.html()), "upload.error.type");
    }

    @Test
    void aZipThatIsNoOfficeDocumentIsRefused() {
        byte[] zip = MaterialFixtures.ooxml("payload");
        refusedOnUpload(MaterialFixtures.file("发言.docx", zip), "upload.error.type");
    }

    @Test
    void aZipBombDocxIsRefusedAndLeavesNothing(@TempDir Path dir) throws IOException {
        // a 1 MB .docx that inflates to 1 GB, and one whose directory says its 1 GB part is 1 KB
        for (Path bomb : List.of(UploadSamples.zerosDocx(dir, 1L << 30), UploadSamples.lyingDocx(dir, 1L << 30, 1024))) {
            BusinessException e = refusedOnUpload(MaterialFixtures.file("发言.docx", Files.readAllBytes(bomb)),
                "upload.error.archive");
            assertThat(e.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void aPdfNamedDocxIsRefusedAsMismatched() {
        refusedOnUpload(MaterialFixtures.file("发言.docx", MaterialFixtures.PDF), "upload.error.mismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x.pdf", "..\\..\\x.pdf", "/etc/passwd.pdf", "C:\\Users\\x\\发言.pdf", "..",
        "发言\u202Efdp.exe", "发言\n.pdf", "a:b.pdf"})
    void aPathOrControlCharacterInTheFileNameIsRefused(String name) {
        refusedOnUpload(MaterialFixtures.file(name, MaterialFixtures.PDF), "material.error.fileName");
    }

    @Test
    void aMissingTitleIsRefused() {
        MaterialForm form = MaterialFixtures.form(session, "  ");
        assertNothingStored(() -> uploads.create(author, form, MaterialFixtures.pdf("发言.pdf"), true),
            "material.error.titleRequired");
    }

    @Test
    void aSessionOfAnotherOrganisationIsRefused() {
        MaterialForm form = MaterialFixtures.form(elsewhere, "借用别人的学习会");
        assertNothingStored(() -> uploads.create(author, form, MaterialFixtures.pdf("发言.pdf"), true),
            "material.error.session");
    }

    @Test
    void aSessionThatTookPlaceIsRefused() {
        StudySession held = ownSessions.get(11);
        jdbc.update("UPDATE sf_study_session SET session_date = DATE '2020-01-10' WHERE id = ?", held.getId());
        assertNothingStored(() -> uploads.create(author, MaterialFixtures.form(held, "迟到的材料"),
            MaterialFixtures.pdf("发言.pdf"), true), "material.error.sessionHeld");
    }

    @Test
    void someoneOutsideTheCenterGroupCannotUpload() {
        assertNothingStored(() -> uploads.create(user("bq_auditor"), MaterialFixtures.form(session, "巡听员上传"),
            MaterialFixtures.pdf("发言.pdf"), true), "material.error.notMember");
    }

    @Test
    void aTamperedMaterialIdIsRefused() {
        Material theirs = uploads.create(user("wfz_member"), MaterialFixtures.form(elsewhere, "王坟镇的材料"),
            MaterialFixtures.pdf("王坟.pdf"), false);

        assertKey(() -> materials.get(Long.MAX_VALUE, author), "error.notFound");
        assertKey(() -> materials.get(theirs.getId(), author), "error.notFound");
        assertKey(() -> uploads.submit(theirs.getId(), author, theirs.getVersion()), "error.notFound");
        assertKey(() -> materials.version(materials.get(theirs.getId(), user("wfz_member")), 2), "error.notFound");
        assertThat(materials.get(theirs.getId(), user("wfz_member")).getStatus()).isEqualTo(MaterialStatus.DRAFT);
    }

    @Test
    void aResubmissionBySomeoneOtherThanTheAuthorIsRefused() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), true);
        FirstReviewForm back = new FirstReviewForm();
        back.setDecision(Decision.RETURN);
        back.setComment("请补充");
        reviews.firstReview(step(m).id(), user("bq_office"), back);
        Material returned = materials.get(m.getId(), author);
        MaterialForm revision = new MaterialForm();
        revision.setVersion(returned.getVersion());

        // the office may read it, but it is not theirs to revise; another member may not even read it
        assertNothingStored(() -> uploads.addVersion(m.getId(), user("bq_office"), revision,
            MaterialFixtures.pdf("代改.pdf"), true), "material.error.notAuthor");
        assertNothingStored(() -> uploads.addVersion(m.getId(), user("bq_member2"), revision,
            MaterialFixtures.pdf("代改.pdf"), true), "error.notFound");
        assertKey(() -> uploads.submit(m.getId(), user("bq_office"), returned.getVersion()), "material.error.notAuthor");
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_SUBMIT);
        assertThat(materials.versions(returned)).hasSize(1);
    }

    @Test
    void aStaleRevisionIsRefused() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), false);
        MaterialForm revision = new MaterialForm();
        revision.setVersion(m.getVersion() - 1);
        assertNothingStored(() -> uploads.addVersion(m.getId(), author, revision, MaterialFixtures.pdf("v2.pdf"), false),
            "material.error.stale");
    }

    @Test
    void aDecisionOnATaskThatWasAlreadyCompletedIsRefused() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), true);
        String firstReview = step(m).id();
        FirstReviewForm ok = new FirstReviewForm();
        ok.setDecision(Decision.APPROVE);
        ok.setNotClassified(true);
        reviews.firstReview(firstReview, user("bq_office"), ok);

        assertKey(() -> reviews.firstReview(firstReview, user("bq_office"), ok), "task.changed");

        SecondReviewForm all = SecondReviewForm.allPassed(null);
        reviews.secondReview(step(m).id(), user("bq_publicity"), all);
        String signOff = step(m).id();
        tasks.decide(signOff, user("bq_leader"), Decision.APPROVE, null);

        BusinessException late = assertKey(() -> tasks.decide(signOff, user("bq_deputy"), Decision.RETURN, "再看看"),
            "task.handledBy");
        assertThat(late.getArgs()).containsExactly(user("bq_leader").getDisplayName());
        assertThat(materials.get(m.getId(), author).getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
    }

    @Test
    void nobodyReviewsTheirOwnMaterial() {
        CurrentUser leader = user("bq_leader");
        Material m = uploads.create(leader, MaterialFixtures.form(session, "组长的党课讲稿"), MaterialFixtures.pdf("党课.pdf"), true);
        FirstReviewForm ok = new FirstReviewForm();
        ok.setDecision(Decision.APPROVE);
        ok.setNotClassified(true);
        reviews.firstReview(step(m).id(), user("bq_office"), ok);
        reviews.secondReview(step(m).id(), user("bq_publicity"), SecondReviewForm.allPassed(null));

        assertKey(() -> tasks.decide(step(m).id(), leader, Decision.APPROVE, null), "material.error.ownMaterial");
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_SIGN_OFF);
        assertThat(step(m).assignee()).isNull();

        tasks.decide(step(m).id(), user("bq_deputy"), Decision.APPROVE, null);
        assertThat(materials.get(m.getId(), leader).getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
    }

    @Test
    void theFirstReviewCannotPassWithoutTheNotClassifiedConfirmation() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), true);
        FirstReviewForm form = new FirstReviewForm();
        form.setDecision(Decision.APPROVE);

        assertKey(() -> reviews.firstReview(step(m).id(), user("bq_office"), form), "material.error.confirmNotClassified");
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_FIRST_REVIEW);
        assertThat(step(m).assignee()).isNull();
    }

    @Test
    void theSecondReviewNeedsEveryItemAndANoteOnEachFailure() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), true);
        FirstReviewForm ok = new FirstReviewForm();
        ok.setDecision(Decision.APPROVE);
        ok.setNotClassified(true);
        reviews.firstReview(step(m).id(), user("bq_office"), ok);

        SecondReviewForm missing = new SecondReviewForm();
        missing.getPassed().put(CheckItem.POLITICAL, true);
        missing.getPassed().put(CheckItem.ACADEMIC, true);
        assertKey(() -> reviews.secondReview(step(m).id(), user("bq_publicity"), missing), "material.error.checkMissing");

        SecondReviewForm failedWithoutNote = SecondReviewForm.allPassed(null);
        failedWithoutNote.getPassed().put(CheckItem.ACADEMIC, false);
        assertKey(() -> reviews.secondReview(step(m).id(), user("bq_publicity"), failedWithoutNote),
            "material.error.checkNoteRequired");

        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_SECOND_REVIEW);
        assertThat(materials.versions(materials.get(m.getId(), author)).get(0).getReviews()).hasSize(1);
    }

    @Test
    void theCustomStepsCannotBeDecidedThroughTheGenericForm() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), true);
        assertKey(() -> tasks.decide(step(m).id(), user("bq_office"), Decision.APPROVE, null), "task.notDecidedHere");
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_FIRST_REVIEW);
    }

    @Test
    void theAuthorsStepCannotBePutBackToAGroup() {
        Material m = uploads.create(author, MaterialFixtures.form(session, "研讨发言"), MaterialFixtures.pdf("发言.pdf"), false);
        assertKey(() -> tasks.unclaim(step(m).id(), author), "task.personal");
        assertThat(step(m).assignee()).isEqualTo(author.getUsername());
    }

    @Test
    void aStoredFileIsRemovedWhenItsTransactionRollsBack() throws IOException {
        List<Path> before = storedFiles();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            FileStore.Stored<FileType> stored = files.store(MaterialFixtures.pdf("发言.pdf"));
            assertThat(Path.of(dataDir, "files", stored.storedName())).exists();
            throw new IllegalStateException("the database write failed");
        })).hasMessage("the database write failed");

        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aStoredFileKeepsTheSizeAndChecksumsOfItsBytes() throws IOException {
        MockMultipartFile upload = MaterialFixtures.pdf("发言.pdf");
        CRC32 crc = new CRC32();
        crc.update(upload.getBytes());

        FileStore.Stored<FileType> stored = new TransactionTemplate(transactionManager)
            .execute(status -> files.store(upload));

        assertThat(stored.size()).isEqualTo(upload.getSize());
        assertThat(stored.crc32()).as("the CRC-32 the archive's zip entry needs").isEqualTo(crc.getValue());
        assertThat(stored.sha256()).isEqualTo(DigestUtils.sha256Hex(upload.getBytes()));
    }

    @Test
    void aFileOutsideATransactionIsNotStored() {
        assertThatThrownBy(() -> files.store(MaterialFixtures.pdf("发言.pdf"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyAllowedKindIsAccepted() {
        List<MockMultipartFile> good = List.of(
            MaterialFixtures.pdf("发言.PDF"),
            MaterialFixtures.docx("发言.docx"),
            MaterialFixtures.file("课件.pptx", MaterialFixtures.ooxml("ppt")),
            MaterialFixtures.file("数据.xlsx", MaterialFixtures.ooxml("xl")),
            MaterialFixtures.file("旧稿.doc", UploadSamples.OLE2),
            MaterialFixtures.file("图.png", UploadSamples.PNG),
            MaterialFixtures.file("照片.jpg", UploadSamples.JPEG),
            MaterialFixtures.file("签到.jpg", UploadSamples.image("jpg")),
            MaterialFixtures.file("动图.gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)),
            MaterialFixtures.file("心得.txt", "学习心得：理论联系实际。".getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile file : good) {
            Material m = uploads.create(author, MaterialFixtures.form(session, file.getOriginalFilename()), file, false);
            MaterialVersion v = materials.versions(m).get(0);
            assertThat(v.getOriginalName()).isEqualTo(file.getOriginalFilename());
            assertThat(v.getSizeBytes()).isEqualTo(file.getSize());
            assertThat(Path.of(dataDir, "files", v.getStoredName())).exists();
        }
    }

    private BusinessException refusedOnUpload(MockMultipartFile file, String key) {
        return assertNothingStored(() -> uploads.create(author, MaterialFixtures.form(session, "研讨发言"), file, true), key);
    }

    /** Runs a refused action and checks that no material, version or file was left behind. */
    private BusinessException assertNothingStored(Executable action, String key) {
        int materialRows = jdbc.queryForObject("SELECT COUNT(*) FROM sf_material", Integer.class);
        int versionRows = jdbc.queryForObject("SELECT COUNT(*) FROM sf_material_version", Integer.class);
        List<Path> before = storedFiles();
        BusinessException e = assertKey(action, key);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_material", Integer.class)).isEqualTo(materialRows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_material_version", Integer.class)).isEqualTo(versionRows);
        assertThat(storedFiles()).isEqualTo(before);
        return e;
    }

    private static BusinessException assertKey(Executable action, String key) {
        try {
            action.execute();
        } catch (BusinessException e) {
            assertThat(e.getMessageKey()).isEqualTo(key);
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a refusal with " + key + " but got " + t, t);
        }
        throw new AssertionError("expected a refusal with " + key + " but it was accepted");
    }

    /** Every file under files/, scratch files included, sorted. */
    private List<Path> storedFiles() {
        Path root = Path.of(dataDir, "files");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskInfo step(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0);
    }
}
