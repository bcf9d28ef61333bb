package onboarding.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The won path clicked through in Chromium: a salesperson finds the lead of a signup in All Commerce B2B
 * leads, assigns it, qualifies it and closes the opportunity as won; then Commerce staff find the prospect
 * approved, with the customer hierarchy.
 */
@SystemTest
class WonPathBrowserIT extends BrowserTest {

    WonPathBrowserIT(SystemUnderTest system) {
        super(system);
    }

    @Test
    void salespersonWinsTheLeadAndStaffSeeTheApprovedPartnerWithItsHierarchy() {
        Signup signup = Signup.sample();
        String ref = system.signups().submit(signup).ref();

        // a salesperson in Sales
        page.navigate(system.sales().url() + "/leads");
        signInAs("bob", "bob-demo");
        page.getByLabel("View").selectOption(new SelectOption().setLabel("All Commerce B2B leads"));
        page.getByLabel("Search").fill(signup.email());
        clickButton("Apply");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("All Commerce B2B leads"))).isVisible();
        Locator leadRow = page.locator("table#leads tr[data-number]").filter(new Locator.FilterOptions().setHasText(ref));
        reloadUntilShown(leadRow, "lead of " + ref + " in All Commerce B2B leads");
        assertThat(leadRow).containsText("Unassigned");
        leadRow.getByRole(AriaRole.LINK).first().click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(signup.contactName());
        assertThat(page.locator("#company")).containsText(signup.companyName());
        clickButton("Assign to me");
        assertThat(page.locator("#owner")).hasText("bob");
        clickButton("Qualify");

        assertThat(page).hasURL(Pattern.compile("/opportunities/\\d+$"));
        assertThat(page.locator("#status")).hasText("Open");
        assertThat(page.locator("#account-link")).containsText(signup.companyName());
        clickButton("Close as won");
        assertThat(page.locator("#status")).hasText("Won");
        reloadUntilShown(page.locator("#timeline li.timeline-entry").filter(new Locator.FilterOptions()
                .setHasText("Commerce approved prospect " + ref)), "Commerce's approval on the opportunity timeline");
        screenshot("won-path-opportunity-" + ref);

        // Commerce staff, in a browser of their own
        newBrowserContext();
        page.navigate(system.commerce().url() + "/hq/prospects");
        signInAs("hq", "hq-demo");
        page.getByLabel("Search").fill(ref);
        page.getByLabel("Status").selectOption(new SelectOption().setLabel("Approved"));
        clickButton("Apply");
        Locator prospectRow = page.locator("table#prospects tr[data-number=" + ref + "]");
        reloadUntilShown(prospectRow, ref + " among the approved prospects");
        assertThat(prospectRow.locator(".badge.APPROVED")).hasText("Approved");
        prospectRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ref)).click();

        assertThat(page.locator("#status")).hasText("Approved");
        Locator decision = page.locator("#decision");
        assertThat(decision).containsText(signup.contactName() + " — Partner administrator");
        screenshot("won-path-prospect-" + ref);
        decision.getByRole(AriaRole.LINK).filter(new Locator.FilterOptions().setHasText(signup.companyName())).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Customer hierarchy"))).isVisible();
        Locator hierarchy = page.locator("#hierarchy");
        assertThat(hierarchy.locator("strong")).containsText(signup.companyName());
        assertThat(hierarchy.locator("li[data-number]")).hasCount(1);
        assertThat(hierarchy.locator("li[data-number]")).containsText(signup.contactName() + " — Partner administrator");
        assertThat(hierarchy.locator("li[data-number]")).containsText("Awaiting activation");
        screenshot("won-path-hierarchy-" + ref);
    }
}
