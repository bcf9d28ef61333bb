package onboarding.system;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import onboarding.system.WebSession.WebPage;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Sales decides, Commerce acts (design §1 steps 3 to 6): a salesperson assigns, qualifies and closes the
 * lead of a signup in Sales; the prospect follows in Commerce (in review with its customers, then approved
 * with the customer hierarchy, or rejected), the requester gets exactly one email per decision, and each
 * side's timeline tells what the other did.
 */
@SystemTest
class PartnerDecisionsIT {

    private static final Pattern ACTIVATION_LINK = Pattern.compile("https?://\\S+/portal/activate\\?token=[\\w-]+");

    private final SystemUnderTest system;
    private final BackOffice hq;
    private final SalesDesk alice;

    PartnerDecisionsIT(SystemUnderTest system) {
        this.system = system;
        this.hq = new BackOffice(system.commerceAs("hq"));
        this.alice = new SalesDesk(system.salesAs("alice"));
    }

    @Test
    void wonOpportunityApprovesThePartnerWithItsHierarchyAndAOneTimeActivationLink() {
        Application app = Application.submit(system, Signup.sample(), hq, alice);
        SalesDesk bob = new SalesDesk(system.salesAs("bob"));

        // Assign to me: the lead moves into alice's My open leads, and only hers
        assertThat(alice.myOpenLeads(), not(hasItem(app.leadNumber())));
        WebPage lead = alice.assignToMe(app.leadPath());
        assertEquals("alice", lead.text("#owner"));
        assertThat(lead.timeline(), hasItem("Assigned to alice"));
        assertThat(alice.myOpenLeads(), hasItem(app.leadNumber()));
        assertThat(bob.myOpenLeads(), not(hasItem(app.leadNumber())));

        // Qualify: opportunity, account and contact in Sales
        String opportunityPath = alice.qualify(app.leadPath());
        WebPage opportunity = alice.opportunity(opportunityPath);
        String opportunityNumber = opportunity.text("h1").split(" ")[0];
        assertEquals("Open", opportunity.text("#status"));
        assertThat(opportunity.text("#account-link"), containsString(app.signup().companyName()));
        assertThat(opportunity.text("#contact-link"), containsString(app.signup().contactName()));
        assertEquals(app.leadNumber(), opportunity.text("#lead-link"));
        lead = alice.lead(app.leadPath());
        assertEquals("Qualified", lead.text("#status"));
        assertEquals(system.commerce().url() + app.prospectPath(), lead.document().selectFirst("#prospect-link").attr("href"),
                "the lead links to the prospect in Commerce (COMMERCE_PUBLIC_URL)");
        assertThat(lead.text("#opportunity-link"), startsWith(opportunityNumber));
        assertThat("a qualified lead is no longer open", alice.myOpenLeads(), not(hasItem(app.leadNumber())));

        // Commerce: prospect in review, with an organisation and a person customer linked to it
        WebPage inReview = hq.awaitProspectStatus(app.prospectPath(), "In review");
        List<Element> customerLinks = inReview.document().select("#decision a[href^=/hq/customers/]");
        assertEquals(2, customerLinks.size(), "customer links on " + app.ref() + ": " + customerLinks);
        assertThat(customerLinks.get(0).text(), containsString(app.signup().companyName()));
        assertThat(customerLinks.get(1).text(), containsString(app.signup().contactName()));
        assertThat(inReview.timeline(), hasItem("Lead " + app.leadNumber()
                + " qualified in Sales by alice: prospect in review, customers created"));
        assertEquals(system.sales().url() + app.leadPath(), inReview.timelineLink("qualified in Sales"),
                "the timeline links to the lead in Sales (SALES_PUBLIC_URL)");
        Map<String, Object> prospect = prospectRow(app);
        assertEquals("IN_REVIEW", prospect.get("status"));
        assertEquals(opportunityNumber, prospect.get("opportunity_number"));
        long orgId = (Long) prospect.get("organization_customer_id");
        long personId = (Long) prospect.get("person_customer_id");
        assertEquals("/hq/customers/" + orgId, customerLinks.get(0).attr("href"));
        assertEquals("/hq/customers/" + personId, customerLinks.get(1).attr("href"));
        Map<String, Object> org = customerRow(orgId);
        assertEquals("ORGANIZATION", org.get("type"));
        assertEquals(app.signup().companyName(), org.get("name"));
        assertEquals(app.signup().vatNumber(), org.get("vat_number"));
        assertEquals(app.prospectId(), org.get("prospect_id"));
        Map<String, Object> person = customerRow(personId);
        assertEquals("PERSON", person.get("type"));
        assertEquals(app.signup().email(), person.get("email"));
        assertEquals(app.prospectId(), person.get("prospect_id"));
        assertEquals("USER", person.get("role"), "not an administrator before approval");

        // Close as won: approved, hierarchy built, activation link mailed
        WebPage won = alice.closeAsWon(opportunityPath);
        assertEquals("Won", won.text("#status"));
        WebPage approved = hq.awaitProspectStatus(app.prospectPath(), "Approved");
        assertThat(approved.timeline(), hasItem("Opportunity " + opportunityNumber + " won in Sales by alice:"
                + " prospect approved, customer hierarchy created, approval email queued"));
        assertEquals(system.sales().url() + opportunityPath, approved.timelineLink("won in Sales"));
        assertEquals("APPROVED", prospectRow(app).get("status"));
        org = customerRow(orgId);
        person = customerRow(personId);
        assertEquals("ACTIVE", org.get("status"));
        assertEquals(orgId, person.get("parent_id"));
        assertEquals("ADMIN", person.get("role"));
        assertEquals("PENDING_ACTIVATION", person.get("status"));

        WebPage orgPage = hq.customer("/hq/customers/" + orgId);
        assertEquals(org.get("number") + " · " + app.signup().companyName(), orgPage.text("#hierarchy > ul > li > strong"));
        List<Element> members = orgPage.document().select("#hierarchy li[data-number]");
        assertEquals(1, members.size(), "members of " + org.get("number") + ": " + members);
        assertEquals(person.get("number"), members.get(0).attr("data-number"));
        assertThat(members.get(0).text(), containsString(app.signup().contactName() + " — Partner administrator"));
        assertEquals("Partner administrator", hq.customer("/hq/customers/" + personId).text("#role"));

        List<MimeMessage> mails = system.mailbox().awaitExactly(app.signup().email(),
                "We received your partner application (" + app.ref() + ")",
                "Welcome as a business partner (" + app.ref() + ")");
        assertEquals(Map.of("APPLICATION_RECEIVED", 1L, "APPROVED", 1L), mailsLogged(app));
        Matcher link = ACTIVATION_LINK.matcher(Mailbox.text(mails.get(1)));
        assertTrue(link.find(), "activation link in the approval mail");
        String activationUrl = link.group();
        assertThat(activationUrl, startsWith(system.commerce().url() + "/portal/activate?token="));

        WebSession requester = WebSession.anonymous(activationUrl, "en");
        var activated = requester.get(activationUrl).form("form[action=/portal/activate]")
                .set("password", "my-new-partner-pw").set("passwordConfirmation", "my-new-partner-pw").submit();
        assertEquals(303, activated.statusCode(), WebSession.excerpt(activated));
        assertEquals("/portal", activated.header("Location"), "activated and signed in on the portal");
        assertThat(requester.get("/").document().text(), containsString(app.signup().email()));
        assertEquals("ACTIVE", customerRow(personId).get("status"));
        // later sign-ins: the B2B site's sign-in with the email and the chosen password
        WebSession later = WebSession.signIn(system.commerce().url(), app.signup().email(), "my-new-partner-pw");
        assertThat(later.get("/").document().text(), containsString(app.signup().email()));
        assertEquals(403, later.fetch("/hq/prospects").statusCode(), "a partner never reaches the back office");
        assertNotNull(customerRow(personId).get("activated_at"));
        assertEquals(410, requester.fetch(activationUrl).statusCode(), "the activation link works once");

        // one correlation id follows the partner through both apps: events, and every timeline entry
        String correlation = app.correlationId(system);
        hq.browser().await(app.prospectPath(), "the approval email on the prospect timeline", page -> page.timeline()
                .contains("Email \"Approval\" sent to " + app.signup().email()));
        assertEquals(List.of(correlation), system.commerceDb().correlationIds("prospect", app.prospectId(),
                "customer", orgId, "customer", personId), "correlation ids in Commerce");
        assertEquals(List.of(correlation), system.salesDb().correlationIds("lead", app.leadId(),
                "opportunity", Pages.idOf(opportunityPath), "account", Pages.idOf(opportunity.document().selectFirst("#account-link")
                        .attr("href")), "contact", Pages.idOf(opportunity.document().selectFirst("#contact-link").attr("href"))),
                "correlation ids in Sales");

        // each side's timeline tells what the other did
        alice.browser().await(app.leadPath(), "Commerce's acknowledgements on the lead timeline",
                page -> page.timeline().containsAll(List.of(
                        "Commerce put prospect " + app.ref() + " in review and created its customers",
                        "Commerce approved prospect " + app.ref()
                                + ", created the customer hierarchy and sent the activation email")));
        assertThat(alice.opportunity(opportunityPath).timeline(), hasItems("Won by alice", "Commerce approved prospect "
                + app.ref() + ", created the customer hierarchy and sent the activation email"));
    }

    @Test
    void lostOpportunityRejectsTheProspectAndTellsTheSharedReason() {
        Application app = Application.submit(system, Signup.sample(), hq, alice);

        // closed at once: the bridge delivers the qualification before the close (same lead, in order)
        String opportunityPath = alice.qualify(app.leadPath());
        WebPage lost = alice.closeAsLost(opportunityPath, "LOST", true);
        assertEquals("Lost", lost.text("#status"));

        WebPage rejected = hq.awaitProspectStatus(app.prospectPath(), "Rejected");
        assertEquals("Lost to another offer (shared with the requester)", rejected.text("#reason"));
        String opportunityNumber = lost.text("h1").split(" ")[0];
        assertThat(rejected.timeline(), hasItem("Opportunity " + opportunityNumber
                + " lost in Sales by alice: prospect rejected, rejection email queued"));
        Map<String, Object> prospect = prospectRow(app);
        assertEquals("REJECTED", prospect.get("status"));
        assertEquals("LOST", prospect.get("decision_reason"));
        assertEquals(true, prospect.get("reason_shareable"));

        List<MimeMessage> mails = system.mailbox().awaitExactly(app.signup().email(),
                "We received your partner application (" + app.ref() + ")",
                "Your partner application (" + app.ref() + ")");
        assertThat(Mailbox.text(mails.get(1)), containsString("Reason: Lost to another offer"));
        assertEquals(Map.of("APPLICATION_RECEIVED", 1L, "REJECTED", 1L), mailsLogged(app));

        alice.browser().await(app.leadPath(), "Commerce's rejection on the lead timeline", page -> page.timeline()
                .contains("Commerce rejected prospect " + app.ref() + " and informed the requester"));
    }

    @Test
    void disqualifiedLeadRejectsTheProspectWithoutTellingAnInternalReason() {
        Application app = Application.submit(system, Signup.sample(), hq, alice);

        WebPage lead = alice.disqualify(app.leadPath(), "CANNOT_CONTACT", false);
        assertEquals("Disqualified", lead.text("#status"));
        assertThat(lead.text("#decision"), containsString("(not shared"));

        WebPage rejected = hq.awaitProspectStatus(app.prospectPath(), "Rejected");
        assertEquals("We could not reach you (internal only)", rejected.text("#reason"));
        assertThat(rejected.timeline(), hasItem("Lead " + app.leadNumber()
                + " disqualified in Sales by alice: prospect rejected, rejection email queued"));
        Map<String, Object> prospect = prospectRow(app);
        assertEquals("REJECTED", prospect.get("status"));
        assertEquals("CANNOT_CONTACT", prospect.get("decision_reason"));
        assertEquals(false, prospect.get("reason_shareable"));
        assertNull(prospect.get("organization_customer_id"), "no customer for a disqualified lead");
        assertEquals(0, system.commerceDb().number("SELECT count(*) FROM customer WHERE prospect_id = ?", app.prospectId()));

        List<MimeMessage> mails = system.mailbox().awaitExactly(app.signup().email(),
                "We received your partner application (" + app.ref() + ")",
                "Your partner application (" + app.ref() + ")");
        String text = Mailbox.text(mails.get(1));
        assertThat(text, containsString(app.ref()));
        assertThat(text, not(containsString("Reason:")));
        assertThat(text, not(containsString("We could not reach you")));
        assertEquals(Map.of("APPLICATION_RECEIVED", 1L, "REJECTED", 1L), mailsLogged(app));

        alice.browser().await(app.leadPath(), "Commerce's rejection on the lead timeline", page -> page.timeline()
                .contains("Commerce rejected prospect " + app.ref() + " and informed the requester"));
    }

    private Map<String, Object> prospectRow(Application app) {
        return system.commerceDb().rows("""
                SELECT status, organization_customer_id, person_customer_id, opportunity_number, decision_reason,
                       reason_shareable FROM prospect WHERE number = ?""", app.ref()).get(0);
    }

    private Map<String, Object> customerRow(long id) {
        return system.commerceDb().rows("""
                SELECT number, type, status, name, email, vat_number, parent_id, role, prospect_id, activated_at
                  FROM customer WHERE id = ?""", id).get(0);
    }

    /** The mails Commerce logged for the prospect, by kind (each must be there once, and nothing else). */
    private Map<String, Long> mailsLogged(Application app) {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        system.commerceDb().rows("SELECT kind, count(*) AS mails FROM mail_message WHERE prospect_id = ? GROUP BY kind",
                app.prospectId()).forEach(row -> byKind.put((String) row.get("kind"), (Long) row.get("mails")));
        return byKind;
    }
}
