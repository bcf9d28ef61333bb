package onboarding.commerce.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import onboarding.bridge.transport.Signatures;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.prospect.ProspectStatus;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Inbound;
import onboarding.commerce.support.Signups;
import onboarding.model.AccountRecord;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.ContactRecord;
import onboarding.model.DecisionReason;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.TableMaps;
import onboarding.ui.Messages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * URLs from data become links only when they are http/https (or a path on this site): Sales' decisions carrying
 * another kind are refused by the inbox, websites typed into forms must be such URLs, and old data with a
 * {@code javascript:} URL renders as plain text.
 */
@QuarkusTest
class UnsafeUrlsTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 100_000_000L + 50_000_000L);
    private static final Pattern SCRIPT_LINK = Pattern.compile("href\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):",
            Pattern.CASE_INSENSITIVE);
    private static final String SCRIPT = "javascript:alert(document.cookie)";

    @Inject
    Signatures signatures;

    @Inject
    EntityManager em;

    record Partner(Prospect prospect, long leadId, long accountId, long contactId, long opportunityId) {
    }

    @Test
    void a_qualification_or_disqualification_with_an_unsafe_link_or_website_is_refused_and_changes_nothing() {
        Partner partner = signUp();
        long mails = count("mail_message where prospect_id = " + partner.prospect().id);

        assertRefused(qualify(partner, SCRIPT, null), "leadUrl", partner, ProspectStatus.NEW);
        assertRefused(qualify(partner, " JavaScript:alert(1)", null), "leadUrl", partner, ProspectStatus.NEW);
        assertRefused(qualify(partner, null, SCRIPT), "company.website", partner, ProspectStatus.NEW);
        assertRefused(qualify(partner, null, "data:text/html,<script>alert(1)</script>"), "company.website", partner,
                ProspectStatus.NEW);
        assertRefused(Inbound.event(TableMaps.LEAD_DECISIONS, "lead", partner.leadId(), EventTypes.LEAD_DISQUALIFIED,
                new LeadDisqualifiedV1(partner.leadId(), "L-" + partner.leadId(), partner.prospect().id,
                        partner.prospect().number, DecisionReason.LOST, true, "alice", SCRIPT)),
                "leadUrl", partner, ProspectStatus.NEW);
        assertEquals(0, count("customer where prospect_id = " + partner.prospect().id), "no customer made");
        assertEquals(mails, count("mail_message where prospect_id = " + partner.prospect().id), "no mail");
    }

    @Test
    void a_closed_opportunity_or_an_account_edit_with_an_unsafe_link_or_website_is_refused_and_changes_nothing() {
        Partner partner = signUp();
        InboxResult qualified = Inbound.deliver(signatures, qualify(partner, null, null));
        assertEquals(InboxResult.Outcome.APPLIED, qualified.outcome(), qualified.error());
        long mails = count("mail_message where prospect_id = " + partner.prospect().id);

        assertRefused(Inbound.event(TableMaps.OPPORTUNITY_OUTCOMES, "lead", partner.leadId(),
                EventTypes.OPPORTUNITY_CLOSED, new OpportunityClosedV1(partner.opportunityId(),
                        "O-" + partner.opportunityId(), partner.leadId(), partner.prospect().id,
                        partner.prospect().number, OpportunityClosedV1.Outcome.WON, null, false, partner.accountId(),
                        partner.contactId(), "alice", "JAVASCRIPT:alert(1)")),
                "opportunityUrl", partner, ProspectStatus.IN_REVIEW);
        assertEquals(mails, count("mail_message where prospect_id = " + partner.prospect().id), "no approval mail");
        assertEquals(0, count("activation_token"
                + " where customer_id = " + reload(partner.prospect()).personCustomerId), "no activation link");

        long orgId = reload(partner.prospect()).organizationCustomerId;
        Customer before = customer(orgId);
        assertRefused(Inbound.event(TableMaps.ACCOUNTS_TO_CUSTOMERS, "account", partner.accountId(),
                EventTypes.ACCOUNT_UPDATED, new AccountUpdatedV1(partner.accountId(), "A-" + partner.accountId(),
                        new CompanyInfo("Evil SA", "1 rue A", "Lyon", "69001", "FR", null, SCRIPT), "alice")),
                "company.website", partner, ProspectStatus.IN_REVIEW);
        Customer after = customer(orgId);
        assertEquals(before.name, after.name);
        assertEquals(before.website, after.website);
        assertEquals(before.version, after.version);
    }

    @Test
    void a_website_the_pages_would_not_link_is_refused_by_the_signup_form() {
        for (String website : List.of("https://dupont-outillage.fr/a|b", "https://dupont-outillage.fr/<x>",
                "https://dupont-outillage.fr/{x}", SCRIPT)) {
            long prospects = count("prospect");
            Response response = BrowserForm.open("/partner-signup", null).post("/partner-signup",
                    Signups.with("website", website));
            assertEquals(400, response.statusCode(), website);
            assertEquals(Messages.get(Locale.ENGLISH, "error.website"),
                    Jsoup.parse(response.asString()).select("#website-error").text(), website);
            assertEquals(prospects, count("prospect"), "nothing stored");
        }
        Response fine = BrowserForm.open("/partner-signup", null).post("/partner-signup",
                Signups.with("website", "https://dupont-outillage.fr/shop?q=1"));
        assertEquals(303, fine.statusCode(), fine.asString());
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void a_prospect_stored_with_a_javascript_website_renders_no_javascript_link() {
        Partner partner = signUp();
        long id = partner.prospect().id;
        execute("update prospect set website = ' JavaScript:alert(2)' where id = " + id);
        execute("update timeline_entry set link_url = 'javascript:alert(3)' where record_type = 'prospect'"
                + " and record_id = '" + id + "'");
        execute("insert into timeline_entry (record_type, record_id, occurred_at, source, message_key, arg0,"
                + " link_url, correlation_id) select 'prospect', '" + id + "', now(), 'DUAL_WRITE',"
                + " 'timeline.prospect.qualified', 'L-1', 'javascript:alert(4)', 'x'");

        Response response = given().get("/hq/prospects/" + id);
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertFalse(SCRIPT_LINK.matcher(page.outerHtml()).find(), page.outerHtml());
        for (Element link : page.select("[href]")) {
            String href = link.attr("href").toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
            assertFalse(href.startsWith("javascript:") || href.startsWith("data:"), link.outerHtml());
        }
        assertTrue(page.select("#website-link").isEmpty());
        assertTrue(page.text().contains("JavaScript:alert(2)"), "the website as plain text");
        assertTrue(page.select("#timeline").text().contains("L-1"), page.select("#timeline").text());
    }

    private void assertRefused(EventEnvelope event, String field, Partner partner, ProspectStatus status) {
        Prospect before = reload(partner.prospect());
        InboxResult result = Inbound.deliver(signatures, event);
        assertEquals(InboxResult.Outcome.FAILED, result.outcome(), field);
        assertTrue(result.error().contains("unsafe URL in " + field), result.error());
        Prospect after = reload(partner.prospect());
        assertEquals(status, after.status);
        assertEquals(before.version, after.version, "the prospect is unchanged");
        assertEquals(0, count("dualwrite_inbox where event_id = '" + event.eventId() + "'"),
                "not recorded: Sales retries it and finally shows it dead");
    }

    private Partner signUp() {
        Response response = BrowserForm.open("/partner-signup", null).post("/partner-signup", Signups.valid());
        assertEquals(303, response.statusCode());
        String number = response.header("Location").replaceAll(".*ref=", "");
        Prospect prospect = QuarkusTransaction.requiringNew().call(() -> Prospect.find("number", number).firstResult());
        return new Partner(prospect, IDS.incrementAndGet(), IDS.incrementAndGet(), IDS.incrementAndGet(),
                IDS.incrementAndGet());
    }

    /** Sales' qualification of the partner's lead, with {@code leadUrl} and the account's {@code website}. */
    private static EventEnvelope qualify(Partner p, String leadUrl, String website) {
        return Inbound.event(TableMaps.LEAD_DECISIONS, "lead", p.leadId(), EventTypes.LEAD_QUALIFIED,
                new LeadQualifiedV1(p.leadId(), "L-" + p.leadId(), p.prospect().id, p.prospect().number,
                        p.opportunityId(), "O-" + p.opportunityId(),
                        new AccountRecord(p.accountId(), "A-" + p.accountId(), new CompanyInfo("Acme Industrie",
                                "1 rue A", "Lyon", "69001", "FR", p.prospect().vatNumber, website)),
                        new ContactRecord(p.contactId(), "C-" + p.contactId(), new ContactInfo("Claire", "Dupont",
                                p.prospect().email, "+33 4 72 00 00 00")),
                        "alice", leadUrl != null ? leadUrl : "http://127.0.0.1:8081/leads/" + p.leadId()));
    }

    private static Prospect reload(Prospect prospect) {
        return QuarkusTransaction.requiringNew().call(() -> Prospect.findById(prospect.id));
    }

    private static Customer customer(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.findById(id));
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + fromWhere).getSingleResult()).longValue());
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }
}
