package cn.studyflow.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, for browser tests. Without Chromium the test is skipped with the
 * reason, except under CI=true, where it fails: CI installs Chromium, so its absence there is a broken run.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    private Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(CHROMIUM)
            .setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync")));
    }

    public static Browser open(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "Chromium is not installed at " + CHROMIUM + " (bash .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
        return new Browser(baseUrl);
    }

    /** A fresh browser context (its own cookies) logged in as {@code username}. */
    public Page loginAs(String username) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setLocale("zh-CN").setViewportSize(1400, 1000).setBaseURL(baseUrl));
        Page page = context.newPage();
        page.navigate("/login");
        page.fill("input[name=username]", username);
        page.fill("input[name=password]", "demo1234");
        page.click("button[type=submit]");
        page.waitForURL("**/tasks**");
        return page;
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
