package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page a person reaches from the navigation, and the first records each of its lists links to, fits a phone
 * 375 px wide, in Chinese and in English: lists become cards, tables of figures scroll inside their own box, nothing
 * widens the page. The demo with all its samples, so that the lists have rows; each role of 卞桥镇 and 青州市委 and
 * the administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestPropertySource(properties = {"studyflow.demo.sample-plans=true", "studyflow.demo.sample-sessions=true",
    "studyflow.demo.sample-material=true", "studyflow.demo.sample-makeup=true", "studyflow.demo.sample-leave=true",
    "studyflow.demo.sample-lectures=true", "studyflow.demo.sample-archive=true", "studyflow.demo.sample-audit=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneWidthBrowserIT {

    /** The navigation's pages and the ones beside it in the user box. */
    private static final List<String> ALSO = List.of("/notifications", "/account/password", "/account/tokens");
    /** Pages a role reaches from its pages rather than from the navigation: wide tables and side-by-side forms. */
    private static final Map<String, List<String>> BESIDE = Map.of(
        "bq_secretary", List.of("/sessions/attendance", "/plans/new"),
        "qz_dept", List.of("/audits/overview", "/audits/pool", "/status/instances"));
    /** A record's page: a path ending in its id (a number, or a task's id), a query after it at most. */
    private static final String RECORD = "^/[a-z/-]+/[0-9a-f-]*[0-9][0-9a-f-]*(\\?[^/]*)?$";

    @LocalServerPort int port;
    Browser browser;
    String base;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"bq_member, zh", "bq_secretary, zh", "bq_leader, zh", "qz_dept, zh", "qz_auditor, zh", "admin, zh",
        "bq_member, en", "bq_secretary, en", "qz_dept, en", "admin, en"})
    void everyPageOfTheRoleFitsAPhone(String username, String lang) {
        Page page = browser.newPhonePage();
        Browser.login(page, base, username, DemoCast.PASSWORD);
        // the language is kept in a cookie; English labels are the longer ones
        page.navigate(base + "/?lang=" + lang);
        @SuppressWarnings("unchecked")
        List<String> nav = (List<String>) page.evaluate(
            "Array.from(document.querySelectorAll('#mainnav a')).map(a => a.getAttribute('href'))");
        Set<String> paths = new LinkedHashSet<>(nav);
        paths.addAll(ALSO);
        paths.addAll(BESIDE.getOrDefault(username, List.of()));
        List<String> tooWide = new ArrayList<>();
        int visited = 0;
        for (String path : List.copyOf(paths)) {
            visit(page, path, tooWide);
            visited++;
            if (nav.contains(path)) {
                @SuppressWarnings("unchecked")
                List<String> records = (List<String>) page.evaluate("re => Array.from(document.querySelectorAll('main a[href]'))"
                    + ".map(a => a.getAttribute('href')).filter(h => new RegExp(re).test(h)).slice(0, 2)", RECORD);
                for (String record : records) {
                    if (paths.add(record)) {
                        visit(page, record, tooWide);
                        visited++;
                    }
                }
            }
        }
        assertThat(visited).as("pages visited by " + username + " in " + lang).isGreaterThan(nav.size());
        assertThat(tooWide).as("pages of " + username + " in " + lang + " wider than the phone's 375 px").isEmpty();
        page.context().close();
    }

    private void visit(Page page, String path, List<String> tooWide) {
        Response response = page.navigate(base + path);
        assertThat(response.status()).as(path).isEqualTo(200);
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        if (width > 375) {
            tooWide.add(path + " " + width + " px: " + page.evaluate("Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > 376 && !e.closest('table.cards thead, .table-wrap'))"
                + ".slice(0, 4).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' ')"));
        }
    }
}
