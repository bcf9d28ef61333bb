package onboarding.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests: Debian's Chromium (never a browser Playwright downloads) launched once per
 * class, a fresh English context and page per test ({@link #page}), and what every browser test does:
 * sign in, wait for replication by reloading, take screenshots.
 */
@SystemTest
abstract class BrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** How long the page is reloaded while waiting for what replication brings. */
    protected static final Duration WAIT = Duration.ofSeconds(30);

    private static Playwright playwright;
    private static Browser browser;

    protected final SystemUnderTest system;
    private BrowserContext context;
    protected Page page;

    protected BrowserTest(SystemUnderTest system) {
        this.system = system;
    }

    @BeforeAll
    static void launchBrowser() {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's Chromium with"
                + " `apt-get install -y chromium` (Playwright must not download a browser of its own)");
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        newBrowserContext();
    }

    /** Another person's browser from here on: a fresh context (no cookies) and page; the previous one is closed. */
    protected void newBrowserContext() {
        closePage();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Signs in on the sign-in page the browser is on (where an app sends whoever is not signed in). */
    protected void signInAs(String user, String password) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#signed-in-user")).containsText(user);
    }

    /** Clicks the button named {@code name} (its visible text). */
    protected void clickButton(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    /** Reloads the page, as a person waiting for something would, until {@code locator} matches exactly once. */
    protected void reloadUntilShown(Locator locator, String description) {
        reloadUntil(() -> locator.count() == 1, description);
    }

    /** Reloads the page until {@code condition} holds (bounded by {@link #WAIT}). */
    protected void reloadUntil(BooleanSupplier condition, String description) {
        await(description).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .pollInSameThread() // Playwright objects belong to the thread that made them
                .until(() -> {
                    if (!condition.getAsBoolean()) {
                        page.reload();
                    }
                    return condition.getAsBoolean();
                });
    }

    /** A full-page screenshot in {@code system-tests/target/screenshots/<name>.png}. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(system.targetDir("screenshots").resolve(name + ".png")));
    }
}
