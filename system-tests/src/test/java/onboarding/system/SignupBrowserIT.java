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
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person signs up for a partnership in a real browser (Debian's Chromium), then finds the lead in Sales. */
@SystemTest
class SignupBrowserIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Playwright playwright;
    private static Browser browser;

    private final SystemUnderTest system;
    private BrowserContext context;
    private Page page;

    SignupBrowserIT(SystemUnderTest system) {
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
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void personSignsUpCorrectsEmailAndTheLeadShowsUpInSales() {
        Signup signup = Signup.sample();

        page.navigate(system.commerce().url() + "/");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Become a partner")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Become a business partner"))).isVisible();

        page.getByLabel("Company name").fill(signup.companyName());
        page.getByLabel("Website").fill(signup.website());
        page.getByLabel("Street and number").fill(signup.street());
        page.getByLabel("City").fill(signup.city());
        page.getByLabel("Postal code").fill(signup.postalCode());
        page.getByLabel("Country").selectOption(new SelectOption().setLabel("United Kingdom"));
        page.getByLabel("VAT number").fill(signup.vatNumber());
        page.getByLabel("First name").fill(signup.firstName());
        page.getByLabel("Last name").fill(signup.lastName());
        page.getByLabel("Email").fill("jane.doe@");
        page.getByLabel("Phone").fill(signup.phone());
        page.getByLabel("Message").fill(signup.message());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send application")).click();

        Locator email = page.getByLabel("Email");
        Locator emailError = page.locator("#email-error");
        assertThat(emailError).hasText("Enter a valid email address, like name@company.com.");
        assertThat(email).hasAttribute("aria-describedby", "email-error");
        assertThat(page.locator(".field.has-error")).hasCount(1);
        assertThat(page.locator(".field.has-error").locator("#email")).hasCount(1);
        assertThat(email).hasValue("jane.doe@");
        assertThat(page.getByLabel("Company name")).hasValue(signup.companyName());
        assertThat(page.getByLabel("City")).hasValue(signup.city());
        assertThat(page.getByLabel("Country")).hasValue(signup.countryCode());
        assertThat(page.getByLabel("Phone")).hasValue(signup.phone());
        assertThat(page.getByLabel("Message")).hasValue(signup.message());

        email.fill(signup.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send application")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Thank you, your application has been received"))).isVisible();
        assertThat(page.locator("#reference")).hasText(Pattern.compile("^PR-\\d{6,}$"));
        String ref = page.locator("#reference").textContent();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(system.targetDir("screenshots").resolve("signup-thanks-" + ref + ".png")));

        page.navigate(system.sales().url() + "/leads");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        page.getByLabel("User name").fill("alice");
        page.getByLabel("Password").fill("alice-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#signed-in-user")).containsText("alice");
        page.getByLabel("View").selectOption(new SelectOption().setLabel("All Commerce B2B leads"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("All Commerce B2B leads"))).isVisible();
        Locator leadRow = page.locator("table#leads tr[data-number]").filter(new Locator.FilterOptions().setHasText(ref));
        await("lead of " + ref + " in All Commerce B2B leads").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .pollInSameThread() // Playwright objects belong to the thread that made them
                .until(() -> {
                    if (leadRow.count() == 0) {
                        page.reload();
                    }
                    return leadRow.count() == 1;
                });
        assertThat(leadRow).containsText(signup.companyName());
        assertThat(leadRow).containsText(signup.contactName());
        assertThat(leadRow).containsText(signup.email());
    }
}
