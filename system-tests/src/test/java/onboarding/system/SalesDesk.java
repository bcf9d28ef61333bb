package onboarding.system;

import java.util.List;
import java.util.Optional;
import onboarding.system.WebSession.WebPage;
import org.jsoup.nodes.Element;

/**
 * A salesperson at work in Sales, through its pages and the forms on them (as a browser posts them):
 * the lead views, the lead page (Assign to me, Qualify, Disqualify) and the opportunity page (Close as
 * won, Close as lost). Each action returns the page its POST-redirect-GET leads to.
 */
public final class SalesDesk {

    /** A lead as listed: its number and its page. */
    public record LeadLink(String number, String path) {
    }

    private final WebSession browser;

    public SalesDesk(WebSession browser) {
        this.browser = browser;
    }

    public WebSession browser() {
        return browser;
    }

    /**
     * The lead made from Commerce prospect {@code ref}, once it shows in All Commerce B2B leads (searched
     * by the requester's email, as a salesperson would look for it).
     */
    public LeadLink awaitLeadOf(String ref, String email) {
        String view = "/leads?view=all-b2b&q=" + email;
        WebPage page = browser.await(view, "lead of " + ref + " in All Commerce B2B leads",
                listed -> rowOf(listed, ref).isPresent());
        Element row = rowOf(page, ref).orElseThrow();
        return new LeadLink(row.attr("data-number"), row.selectFirst("a[href^=/leads/]").attr("href"));
    }

    /** The numbers of the leads in the user's My open leads. */
    public List<String> myOpenLeads() {
        return browser.get("/leads?view=my-open").document().select("table#leads tr[data-number]").eachAttr("data-number");
    }

    public WebPage lead(String leadPath) {
        return browser.get(leadPath);
    }

    /** Assign to me: the lead becomes the user's. */
    public WebPage assignToMe(String leadPath) {
        return lead(leadPath).form("#assign-form").submitAndFollow();
    }

    /** Qualify with a new account (the form's default); gives the path of the new opportunity. */
    public String qualify(String leadPath) {
        return lead(leadPath).form("#qualify-form").submitAndRedirect();
    }

    /** Disqualify for {@code reason} (a {@code DecisionReason}), telling the requester why only if {@code shareable}. */
    public WebPage disqualify(String leadPath, String reason, boolean shareable) {
        var form = lead(leadPath).form("#disqualify-form").set("reason", reason);
        if (shareable) {
            form.check("reasonShareable");
        }
        return form.submitAndFollow();
    }

    public WebPage opportunity(String opportunityPath) {
        return browser.get(opportunityPath);
    }

    /** Close as won. */
    public WebPage closeAsWon(String opportunityPath) {
        return opportunity(opportunityPath).form("#won-form").submitAndFollow();
    }

    /** Close as lost for {@code reason}, telling the requester why only if {@code shareable}. */
    public WebPage closeAsLost(String opportunityPath, String reason, boolean shareable) {
        var form = opportunity(opportunityPath).form("#lost-form").set("reason", reason);
        if (shareable) {
            form.check("reasonShareable");
        }
        return form.submitAndFollow();
    }

    /** Saves the edit form of an account or contact page with {@code changes} typed over its fields. */
    public WebPage edit(String recordPath, java.util.Map<String, String> changes) {
        var form = browser.get(recordPath).form("#edit-form");
        changes.forEach(form::set);
        return form.submitAndFollow();
    }

    private static Optional<Element> rowOf(WebPage leads, String ref) {
        return leads.document().select("table#leads tbody tr[data-number]").stream()
                .filter(row -> row.select("td").stream().anyMatch(td -> td.text().equals(ref))).findFirst();
    }
}
