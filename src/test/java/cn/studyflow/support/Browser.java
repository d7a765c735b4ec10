package cn.studyflow.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium driven by Playwright, for browser tests. Without {@code /usr/bin/chromium} a test is
 * skipped with the reason, except on CI ({@code CI=true}), where it fails: CI installs Chromium, so its
 * absence there is a broken run.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser, String baseUrl) {
        this.playwright = playwright;
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Chromium for pages addressed by full URLs. */
    public static Browser launch() {
        return open(null);
    }

    /** Chromium whose pages resolve paths against {@code baseUrl}. */
    public static Browser open(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "Chromium is not installed at " + CHROMIUM + " (bash .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason + ": browser test skipped");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(CHROMIUM)
            .setHeadless(true)
            .setArgs(ARGS));
        return new Browser(playwright, browser, baseUrl);
    }

    /** A fresh page with its own cookies, in Chinese, at a desktop size. */
    public Page newPage() {
        com.microsoft.playwright.Browser.NewContextOptions options = new com.microsoft.playwright.Browser.NewContextOptions()
            .setLocale("zh-CN")
            .setViewportSize(1400, 1000);
        if (baseUrl != null) {
            options.setBaseURL(baseUrl);
        }
        BrowserContext context = browser.newContext(options);
        return context.newPage();
    }

    /** A fresh page with its own cookies, in Chinese, at a phone's size (375 × 740, touch). */
    public Page newPhonePage() {
        com.microsoft.playwright.Browser.NewContextOptions options = new com.microsoft.playwright.Browser.NewContextOptions()
            .setLocale("zh-CN")
            .setViewportSize(375, 740)
            .setHasTouch(true)
            .setIsMobile(true);
        if (baseUrl != null) {
            options.setBaseURL(baseUrl);
        }
        return browser.newContext(options).newPage();
    }

    /** A fresh page (its own cookies) logged in as the demo person {@code username}. */
    public Page loginAs(String username) {
        Page page = newPage();
        login(page, baseUrl == null ? "" : baseUrl, username, DemoCast.PASSWORD);
        return page;
    }

    /** Logs in through the login form, as a person does. */
    public static void login(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.fill("input[name=username]", username);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(Page page, String name) {
        // a long page in CJK fonts can take its time to paint on a busy two-core machine; the picture is for people
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")).setFullPage(true)
            .setTimeout(120_000));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
