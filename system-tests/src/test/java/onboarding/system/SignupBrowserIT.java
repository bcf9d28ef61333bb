package onboarding.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A person signs up for a partnership in a real browser (Debian's Chromium), then finds the lead in Sales. */
@SystemTest
class SignupBrowserIT extends BrowserTest {

    SignupBrowserIT(SystemUnderTest system) {
        super(system);
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
        screenshot("signup-thanks-" + ref);

        page.navigate(system.sales().url() + "/leads");
        signInAs("alice", "alice-demo");
        page.getByLabel("View").selectOption(new SelectOption().setLabel("All Commerce B2B leads"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("All Commerce B2B leads"))).isVisible();
        Locator leadRow = page.locator("table#leads tr[data-number]").filter(new Locator.FilterOptions().setHasText(ref));
        reloadUntilShown(leadRow, "lead of " + ref + " in All Commerce B2B leads");
        assertThat(leadRow).containsText(signup.companyName());
        assertThat(leadRow).containsText(signup.contactName());
        assertThat(leadRow).containsText(signup.email());
    }
}
