package cn.studyflow.material;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.WordText;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.UploadSamples;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * A reviewer reads a material in the page, as the office does before its first review: a PDF drawn by pdf.js, a
 * picture as it is, a Word document laid out by docx-preview, all within the page's Content-Security-Policy;
 * and the review record and the plan print without navigation or buttons and download as Word.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialPreviewBrowserIT {

    static final String WORD_LINE = "会议纪要：研讨发言要联系本镇实际";

    @LocalServerPort int port;
    @Autowired UserDetailsService userDetails;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;

    Browser browser;
    String base;
    StudySession session;
    Material pdf;
    Material picture;
    Material word;
    Material reviewed;

    @BeforeAll
    void setUp() throws IOException {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        // sessions and uploads are other features' and the author's part: done through their services
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(3);
        byte[] speech = new ClassPathResource(DemoMaterials.FILE).getContentAsByteArray();
        pdf = submit("研讨发言（PDF）", MaterialFixtures.file("研讨发言.pdf", speech));
        picture = submit("现场教学照片", MaterialFixtures.file("现场教学.png", UploadSamples.image("png")));
        word = submit("会议纪要（Word）", MaterialFixtures.file("会议纪要.docx", wordFile()));
        reviewed = submit("已审发言", MaterialFixtures.file("已审发言.pdf", speech));
        FirstReviewForm first = new FirstReviewForm();
        first.setDecision(Decision.APPROVE);
        first.setNotClassified(true);
        first.setComment("材料完整，格式规范。");
        reviews.firstReview(step(reviewed), user("bq_office"), first);
        SecondReviewForm second = SecondReviewForm.allPassed("同意。");
        second.getNotes().put(CheckItem.ACADEMIC, "观点准确，引用规范。");
        reviews.secondReview(step(reviewed), user("bq_publicity"), second);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOfficeReadsAPdfDrawnByPdfJsInTheMaterialPageAndOnItsTask() {
        Page office = browser.loginAs("bq_office");
        List<String> refused = cspRefusals(office);
        List<String> worker = new CopyOnWriteArrayList<>();
        office.onResponse(r -> {
            if (r.url().endsWith("/vendor/pdf.worker.min.mjs")) {
                worker.add(r.status() + " " + r.headerValue("content-type"));
            }
        });
        office.navigate(base + "/materials/" + pdf.getId());

        assertThat(office.locator("#file-preview[data-state=shown]")).isVisible();
        assertThat(office.locator("#file-preview canvas.pdf-page")).hasCount(1);
        assertThat(office.locator("#file-preview canvas.pdf-page")).hasAttribute("aria-label", "第 1 页");
        assertThat(inked(office, "#file-preview canvas.pdf-page")).as("the page is drawn, not blank").isTrue();
        assertThat(worker).as("pdf.js ran its worker from /vendor/, served as JavaScript")
            .singleElement().asString().startsWith("200 ").contains("javascript");
        Browser.screenshot(office, "preview-1-pdf");

        office.navigate(base + "/tasks?view=GROUP");
        office.locator("#task-table a", new Page.LocatorOptions().setHasText("研讨发言（PDF）")).first().click();
        office.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
        assertThat(office.locator("#file-preview[data-state=shown] canvas.pdf-page")).hasCount(1);
        assertThat(office.locator("#first-review-form")).isVisible();
        Browser.screenshot(office, "preview-2-pdf-on-task");
        assertThat(refused).as("the page's Content-Security-Policy lets pdf.js and its worker run").isEmpty();
    }

    @Test
    void onAPhoneThePdfPageFitsTheScreen() {
        Page phone = browser.newPhonePage();
        Browser.login(phone, base, "bq_office", cn.studyflow.support.DemoCast.PASSWORD);
        phone.navigate(base + "/materials/" + pdf.getId());

        assertThat(phone.locator("#file-preview[data-state=shown] canvas.pdf-page")).hasCount(1);
        double width = ((Number) phone.locator("#file-preview canvas.pdf-page")
            .evaluate("c => c.getBoundingClientRect().width")).doubleValue();
        assertThat(width).isGreaterThan(250).isLessThanOrEqualTo(375);
        Browser.screenshot(phone, "preview-5-pdf-phone");
    }

    @Test
    void aPictureIsShownAsItIsAndAWordDocumentIsLaidOutInThePage() {
        Page office = browser.loginAs("bq_office");
        List<String> refused = cspRefusals(office);
        office.navigate(base + "/materials/" + picture.getId());
        assertThat(office.locator("#image-preview")).isVisible();
        assertThat(office.locator("#image-preview").evaluate("img => img.complete && img.naturalWidth"))
            .isEqualTo(40);
        Browser.screenshot(office, "preview-3-image");

        office.navigate(base + "/materials/" + word.getId());
        assertThat(office.locator("#file-preview[data-state=shown]")).containsText(WORD_LINE);
        Browser.screenshot(office, "preview-4-docx");
        assertThat(refused).isEmpty();
    }

    @Test
    void theReviewRecordPrintsWithoutNavigationAndDownloadsAsWord() throws IOException {
        Page author = browser.loginAs("bq_member");
        author.navigate(base + "/materials/" + reviewed.getId());
        assertThat(author.locator("#print-page")).isVisible();

        author.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(author.locator("header.topbar")).isHidden();
        assertThat(author.locator("#print-page")).isHidden();
        assertThat(author.locator("#file-preview")).isHidden();
        assertThat(author.locator("#revise-form")).isHidden();
        assertThat(author.locator("#material-versions")).isVisible();
        assertThat(author.locator("#material-versions")).containsText("已确认不涉密");
        assertThat(author.locator("#material-versions")).containsText("观点准确，引用规范。");
        Browser.screenshot(author, "print-1-material-review-record");
        author.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        Download download = author.waitForDownload(() -> author.click("#download-docx"));
        assertThat(download.suggestedFilename()).isEqualTo("已审发言 · 审核记录.docx");
        WordText doc = WordText.of(Files.readAllBytes(download.path()));
        assertThat(doc.title()).isEqualTo("已审发言 · 审核记录");
        assertThat(doc.paragraphs()).contains("单位：卞桥镇党委");
        assertThat(doc.rows()).anyMatch(row -> row.contains("宣传委员复审") && row.get(5).contains("学术关：通过 (观点准确，引用规范。)"));
    }

    @Test
    void aPlanPrintsAsItsTopicsOnly() {
        Plan plan = plans.get(session.getPlanId(), user("bq_secretary"));
        Page secretary = browser.loginAs("bq_secretary");
        secretary.navigate(base + "/plans/" + plan.getId());
        secretary.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(secretary.locator("nav.mainnav")).isHidden();
        assertThat(secretary.locator("#download-docx")).isHidden();
        assertThat(secretary.locator("#plan-topics")).isVisible();
        assertThat(secretary.locator("#plan-topics tbody tr")).hasCount(12);
        Browser.screenshot(secretary, "print-2-plan");
    }

    /** The console's reports of anything the Content-Security-Policy refused on this page. */
    private static List<String> cspRefusals(Page page) {
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                refused.add(m.text());
            }
        });
        return refused;
    }

    /** Whether a canvas holds anything but white: pdf.js has drawn the page's text on it. */
    private static boolean inked(Page page, String selector) {
        return (Boolean) page.locator(selector).first().evaluate("c => { const d = c.getContext('2d')"
            + ".getImageData(0, 0, c.width, c.height).data; for (let i = 0; i < d.length; i += 4) {"
            + " if (d[i] < 128 && d[i + 3] > 0) return true; } return false; }");
    }

    private Material submit(String title, org.springframework.mock.web.MockMultipartFile file) {
        return uploads.create(user("bq_member"), MaterialFixtures.form(session, title), file, true);
    }

    private String step(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0).id();
    }

    private CurrentUser user(String username) {
        return (CurrentUser) userDetails.loadUserByUsername(username);
    }

    private static byte[] wordFile() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // a page as Word makes it: A4 with margins, so that docx-preview lays out a page
            var section = doc.getDocument().getBody().addNewSectPr();
            section.addNewPgSz().setW(java.math.BigInteger.valueOf(11906));
            section.getPgSz().setH(java.math.BigInteger.valueOf(16838));
            doc.createParagraph().createRun().setText(WORD_LINE);
            doc.createParagraph().createRun().setText("一、结合分管工作谈体会；二、提出下一步举措。");
            doc.write(out);
            return out.toByteArray();
        }
    }
}
