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
 * skipped with the reason, except on CI ({@code CI=true}), where it fails: CI must run the browser tests.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            Assumptions.assumeTrue(false, reason + ": browser test skipped");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(CHROMIUM)
            .setHeadless(true)
            .setArgs(ARGS));
        return new Browser(playwright, browser);
    }

    /** A fresh page with its own cookies, in Chinese, at a desktop size. */
    public Page newPage() {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setLocale("zh-CN")
            .setViewportSize(1400, 1000));
        return context.newPage();
    }

    /** Logs in through the login form, as a person does. */
    public static void login(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.fill("input[name=username]", username);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
