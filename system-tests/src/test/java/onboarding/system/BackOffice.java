package onboarding.system;

import onboarding.system.WebSession.WebPage;
import org.jsoup.nodes.Element;

/**
 * Commerce staff at work in the back office, through its pages and forms: All prospects, a prospect,
 * customers (hierarchy, organisation edits).
 */
public final class BackOffice {

    private final WebSession browser;

    public BackOffice(WebSession browser) {
        this.browser = browser;
    }

    public WebSession browser() {
        return browser;
    }

    /** The page of prospect {@code ref}, found in All prospects by its number. */
    public String prospectPathOf(String ref) {
        Element row = browser.get("/hq/prospects?q=" + ref).document()
                .selectFirst("table#prospects tr[data-number=" + ref + "]");
        if (row == null) {
            throw new AssertionError(ref + " is not in All prospects");
        }
        return row.selectFirst("a[href^=/hq/prospects/]").attr("href");
    }

    public WebPage prospect(String prospectPath) {
        return browser.get(prospectPath);
    }

    /** The prospect page once its status badge reads {@code status} (e.g. "Approved"). */
    public WebPage awaitProspectStatus(String prospectPath, String status) {
        return browser.await(prospectPath, "prospect " + status, page -> page.text("#status").equals(status));
    }

    public WebPage customer(String customerPath) {
        return browser.get(customerPath);
    }

    /** Saves the organisation edit form of {@code customerPath} with {@code changes} typed over its fields. */
    public WebPage editOrganization(String customerPath, java.util.Map<String, String> changes) {
        var form = customer(customerPath).form("#edit form");
        changes.forEach(form::set);
        return form.submitAndFollow();
    }
}
