package cn.studyflow.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.Browser;
import cn.studyflow.support.Node;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The first day in production, as docs/operations.md tells it: the packaged jar with the prod profile on an empty
 * database; the bootstrap administrator builds the county, its towns and a department, imports 40 people from .xlsx
 * (a dry run shows one bad row, the fixed file goes in), gives roles and temporary passwords; the town's secretary
 * logs in, changes the temporary password and submits the annual plan, which reaches the publicity member.
 */
class FirstDayIT {

    static final String ADMIN_PASSWORD = "Kd8#first-day-2027";
    static final String CITY = "潍坊市委";
    static final String COUNTY = "临朐县委";
    static final String TOWN = "五井镇党委";
    static final String TOWN2 = "冶源镇党委";
    static final String DEPT = "临朐县教育局党组";
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄"};
    static final String[] GIVEN = {"建国", "文华", "海燕", "志强", "丽娟", "明远", "晓东", "春梅", "立新", "秀英"};

    @Test
    void theBootstrapAdministratorSetsUpACountyAndItsFirstPlanReachesThePublicityMember() throws Exception {
        Path data = Path.of("target", "nodes", "first-day");
        FileSystemUtils.deleteRecursively(data);
        try (Node node = Node.start("first-day", Node.freePort(), List.of("--spring.profiles.active=prod",
                 "--studyflow.bootstrap-admin.username=admin", "--studyflow.bootstrap-admin.password=" + ADMIN_PASSWORD,
                 "--studyflow.bootstrap-admin.org-name=" + CITY));
             Browser browser = Browser.open(node.baseUrl())) {
            Page admin = browser.newPage();
            Browser.login(admin, "", "admin", ADMIN_PASSWORD);

            // the tree: the county under the city, two towns and a department under the county
            admin.navigate("/admin");
            assertThat(admin.locator("#org-tree")).containsText(CITY);
            createOrg(admin, CITY, COUNTY, "COUNTY");
            createOrg(admin, COUNTY, TOWN, "TOWN");
            createOrg(admin, COUNTY, TOWN2, "TOWN");
            createOrg(admin, COUNTY, DEPT, "DEPARTMENT");
            assertThat(admin.locator("#org-tree tbody tr")).hasCount(5);
            Browser.screenshot(admin, "first-day-orgs");

            // the people: a dry run finds the one bad row, the fixed file is imported whole
            admin.navigate("/admin/import");
            assertThat(admin.locator("#download-template")).isVisible();
            Path bad = xlsx(data.resolve("people-bad.xlsx"), true);
            admin.setInputFiles("#import-form input[type=file]", bad);
            admin.click("#dry-run");
            assertThat(admin.locator("#import-refused")).containsText("1");
            assertThat(admin.locator("#import-report tr[data-outcome=REFUSE]")).hasCount(1);
            assertThat(admin.locator("#import-report tr[data-outcome=REFUSE]")).containsText("没有这个组织");
            assertThat(admin.locator("#import-report tr[data-outcome=CREATE]")).hasCount(39);
            Browser.screenshot(admin, "first-day-dry-run");
            Path good = xlsx(data.resolve("people.xlsx"), false);
            admin.setInputFiles("#import-form input[type=file]", good);
            admin.click("#dry-run");
            assertThat(admin.locator("#import-dry")).containsText("40");
            admin.setInputFiles("#import-form input[type=file]", good);
            admin.click("#run-import");
            assertThat(admin.locator("#import-applied")).containsText("40");

            // roles and temporary passwords: the town's new secretary (imported as a member) and its publicity member
            String secretaryPassword = givePassword(admin, "wj_secretary", "SECRETARY");
            String publicityPassword = givePassword(admin, "wj_publicity", null);

            // the secretary's first login leads to the password form; then the annual plan
            Page secretary = browser.newPage();
            Browser.login(secretary, "", "wj_secretary", secretaryPassword);
            assertThat(secretary.locator("#forced-change")).isVisible();
            secretary.navigate("/plans");
            assertThat(secretary.locator("#password-change")).isVisible();
            changePassword(secretary, secretaryPassword, "Wujing secretary 2027!");
            assertThat(secretary.locator("#current-user")).containsText("学习秘书");
            secretary.navigate("/plans");
            secretary.click("#new-plan");
            secretary.fill("#new-annual input[name=year]", "2027");
            secretary.click("#new-annual button[type=submit]");
            for (int i = 0; i < 12; i++) {
                secretary.fill("[name='topics[" + i + "].title']", (i + 1) + "月专题：学习习近平新时代中国特色社会主义思想");
                secretary.selectOption("select[name='topics[" + i + "].format']", "COLLECTIVE_STUDY");
                secretary.fill("input[name='topics[" + i + "].speaker']", "王建国");
            }
            secretary.click("#save-plan");
            secretary.click("#submit-plan");
            assertThat(secretary.locator("#plan-status")).hasText("审批中");
            assertThat(secretary.locator("#current-step")).hasText("宣传委员审核");

            // the publicity member finds it among the group's tasks
            Page publicity = browser.newPage();
            Browser.login(publicity, "", "wj_publicity", publicityPassword);
            changePassword(publicity, publicityPassword, "Wujing publicity 2027!");
            publicity.navigate("/tasks");
            publicity.click("#tab-group");
            assertThat(publicity.locator("body")).containsText(TOWN + "2027年度理论学习中心组学习计划");
            Browser.screenshot(publicity, "first-day-publicity");

            // the administration at 375 px and in English
            Page phone = browser.newPage();
            phone.setViewportSize(375, 800);
            Browser.login(phone, "", "admin", ADMIN_PASSWORD);
            for (String path : List.of("/admin/orgs?lang=en", "/admin/people", "/admin/import", "/admin/trail")) {
                phone.navigate(path);
                int width = ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue();
                Object wide = phone.evaluate("Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > 376 && !e.closest('.table-wrap'))"
                    + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
                assertThat(width).as("page width of " + path + "; too wide: " + wide).isLessThanOrEqualTo(375);
            }
            assertThat(phone.locator("#admin-tabs")).containsText("Organisations");
            Browser.screenshot(phone, "first-day-trail-375");
        }
    }

    private static void createOrg(Page admin, String parent, String name, String kind) {
        admin.navigate("/admin/orgs");
        String parentId = admin.locator("#new-org select[name=parentId] option", new Page.LocatorOptions().setHasText(parent))
            .first().getAttribute("value");
        admin.selectOption("#new-org select[name=parentId]", parentId);
        admin.fill("#new-org input[name=name]", name);
        admin.selectOption("#new-org select[name=kind]", kind);
        admin.click("#new-org button[type=submit]");
        assertThat(admin.locator(".flash.success")).hasText("组织已建立");
        assertThat(admin.locator("#org-tree")).containsText(name);
    }

    /** Opens the person, optionally gives a role, and sets a temporary password; returns it. */
    private static String givePassword(Page admin, String username, String role) {
        admin.navigate("/admin/people?q=" + username);
        admin.click("#people-table tr[data-username=" + username + "] a");
        if (role != null) {
            admin.check("#roles-form input[value=" + role + "]");
            admin.click("#roles-form button[type=submit]");
            assertThat(admin.locator(".flash.success")).containsText("角色已保存");
        }
        // not containing the user name: the policy refuses that
        String password = "Lq#Start-2027-" + username.length() + (role == null ? "p" : "s");
        admin.fill("#password-form input[name=password]", password);
        admin.click("#password-form button[type=submit]");
        assertThat(admin.locator(".flash.success")).containsText("已设置临时密码");
        return password;
    }

    private static void changePassword(Page page, String old, String fresh) {
        page.navigate("/account/password");
        page.fill("input[name=oldPassword]", old);
        page.fill("input[name=newPassword]", fresh);
        page.fill("input[name=repeated]", fresh);
        page.click("#password-change button[type=submit]");
        assertThat(page.locator(".flash.success")).hasText("密码已修改");
    }

    /** 40 people of the county: ten in each town and the department, ten at the county; one bad row when asked. */
    private static Path xlsx(Path file, boolean withBadRow) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String county = CITY + "/" + COUNTY;
        String[][] places = {{"wj", county + "/" + TOWN}, {"yy", county + "/" + TOWN2}, {"jy", county + "/" + DEPT},
            {"lq", county}};
        String[] roles = {"secretary", "publicity", "leader", "deputy", "office", "member", "member2", "member3",
            "member4", "member5"};
        String[] labels = {"中心组成员", "宣传委员", "组长", "副组长", "办公室", "中心组成员", "中心组成员", "中心组成员",
            "中心组成员", "中心组成员"};
        int n = 0;
        for (String[] place : places) {
            for (int r = 0; r < roles.length; r++) {
                String label = place[0].equals("lq") && r == 5 ? "宣传部" : labels[r];
                String path = withBadRow && n == 17 ? place[1] + "不存在" : place[1];
                rows.add(new String[] {path, SURNAMES[n % SURNAMES.length] + GIVEN[(n * 3 + 1) % GIVEN.length],
                    place[0] + "_" + roles[r], "1380000" + String.format("%04d", n), label});
                n++;
            }
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "StudyFlow", "1.0");
            Worksheet sheet = workbook.newWorksheet("人员");
            List<String> headers = PeopleSheet.HEADERS;
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < 5; c++) {
                    sheet.value(r + 1, c, rows.get(r)[c]);
                }
            }
            workbook.finish();
        }
        return file;
    }
}
