package onboarding.sales.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import onboarding.model.CompanyInfo;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxResult;
import onboarding.model.InboxResult.Outcome;
import onboarding.sales.account.Account;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Fixtures;
import onboarding.sales.support.Qualified;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * URLs from data become links only when they are http/https (or a path on this site): refused where they enter
 * (Commerce's events), rendered as plain text when old data has them anyway.
 */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class UnsafeUrlsTest {

    private static final AtomicLong CUSTOMERS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10 + 7);
    private static final Pattern SCRIPT_LINK = Pattern.compile("href\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):",
            Pattern.CASE_INSENSITIVE);

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Inject
    Qualified qualified;

    @Test
    void a_signup_with_a_javascript_prospect_url_or_website_is_refused_and_nothing_is_stored() {
        for (String unsafe : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
                "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example")) {
            EventEnvelope asProspectUrl = commerce.prospectSubmitted(unsafe, Fixtures.company(), Fixtures.contact());
            assertRefused(asProspectUrl, "prospectUrl");

            String domain = Fixtures.domain();
            CompanyInfo company = new CompanyInfo("Evil " + domain, "1 rue A", "Lyon", "69001", "FR", null, unsafe);
            EventEnvelope asWebsite = commerce.prospectSubmitted(null, company, Fixtures.contact("eve@" + domain));
            assertRefused(asWebsite, "company.website");
        }
    }

    @Test
    void in_a_batch_only_the_event_with_an_unsafe_url_fails() {
        EventEnvelope good = commerce.prospectSubmitted(null, Fixtures.company(), Fixtures.contact());
        EventEnvelope bad = commerce.prospectSubmitted("javascript:alert(1)", Fixtures.company(), Fixtures.contact());
        EventEnvelope alsoGood = commerce.prospectSubmitted(null, Fixtures.company(), Fixtures.contact());

        List<InboxResult> results = commerce.deliver(List.of(good, bad, alsoGood));

        assertEquals(List.of(Outcome.APPLIED, Outcome.FAILED, Outcome.APPLIED),
                results.stream().map(InboxResult::outcome).toList(), results.toString());
        assertEquals(0L, rows.count("lead where prospect_id = ?1", Long.parseLong(bad.aggregateId())));
        assertEquals(1L, rows.count("lead where prospect_id = ?1", Long.parseLong(good.aggregateId())));
    }

    @Test
    void organisation_copies_and_edits_with_an_unsafe_website_or_link_are_refused() {
        long customerId = CUSTOMERS.incrementAndGet();
        CompanyInfo evil = new CompanyInfo("Evil SA", "1 rue A", "Lyon", "69001", "FR", null, "javascript:alert(1)");
        InboxResult copy = commerce.deliver(commerce.organizationSnapshot(customerId, null, evil));
        assertEquals(Outcome.FAILED, copy.outcome());
        assertTrue(copy.error().contains("unsafe URL in company.website"), copy.error());
        assertEquals(0L, rows.count("account where commerce_customer_id = ?1", customerId));

        long linkedCustomer = CUSTOMERS.incrementAndGet();
        InboxResult badLink = commerce.deliver(commerce.organizationSnapshot(linkedCustomer, null, Fixtures.company(),
                "javascript:alert(1)"));
        assertEquals(Outcome.FAILED, badLink.outcome());
        assertTrue(badLink.error().contains("unsafe URL in customerUrl"), badLink.error());
        assertEquals(0L, rows.count("account where commerce_customer_id = ?1", linkedCustomer));

        Account account = qualified.opportunity().account;
        EventEnvelope edit = commerce.organizationUpdated(account.id + 700_000, account.id, evil);
        InboxResult edited = commerce.deliver(edit);
        assertEquals(Outcome.FAILED, edited.outcome());
        assertTrue(edited.error().contains("unsafe URL in company.website"), edited.error());
        Account unchanged = rows.inTransaction(() -> Account.findById(account.id));
        assertEquals(account.version, unchanged.version);
        assertEquals(account.website, unchanged.website);
        assertEquals(0L, rows.count("dualwrite_inbox where event_id = ?1", edit.eventId()), "retried later");
    }

    @Test
    void a_lead_stored_with_javascript_urls_renders_no_javascript_link_anywhere() {
        long leadId = commerce.signup();
        rows.execute("update lead set prospect_url = 'javascript:alert(1)', website = ' JavaScript:alert(2)'"
                + " where id = ?1", leadId);
        rows.execute("update timeline_entry set link_url = 'javascript:alert(3)' where record_type = 'lead'"
                + " and record_id = ?1", Long.toString(leadId));

        Document lead = page("/leads/" + leadId);
        assertNoScriptLink(lead);
        assertTrue(lead.select("#prospect-link").isEmpty(), "the prospect number is shown without a link");
        assertTrue(lead.select("h1 + p").text().contains("PR-"), lead.select("h1 + p").text());
        assertTrue(lead.select("#website-link").isEmpty());
        assertTrue(lead.select("#company").text().contains("JavaScript:alert(2)"), "the website as plain text");
        assertTrue(lead.select("#timeline").text().contains("Created by dual-write"), "the timeline entry stays");

        // qualified, the account and the opportunity carry the old values along: still no link
        Response response = BrowserForm.open("/leads/" + leadId).submit("#qualify-form", Map.of());
        assertEquals(303, response.statusCode(), response.asString());
        long opportunityId = Long.parseLong(response.header("Location").replaceAll(".*/opportunities/", ""));
        long accountId = rows.inTransaction(() -> Opportunity.<Opportunity>findById(opportunityId).account.id);
        Document opportunity = page("/opportunities/" + opportunityId);
        assertNoScriptLink(opportunity);
        assertTrue(opportunity.select("#prospect-link").isEmpty());
        Document account = page("/accounts/" + accountId);
        assertNoScriptLink(account);
        assertTrue(account.select("#website-link").isEmpty());
        assertNoScriptLink(page("/leads/" + leadId));
    }

    @Test
    void safe_urls_stay_links() {
        long leadId = commerce.signup();
        Document lead = page("/leads/" + leadId);
        assertTrue(lead.select("#prospect-link").attr("href").startsWith("http://127.0.0.1:8080/hq/prospects/"));
        assertTrue(lead.select("#website-link").attr("href").startsWith("https://www.acme-"));
        assertEquals("noopener nofollow", lead.select("#website-link").attr("rel"));
        assertTrue(lead.select("#timeline a").eachAttr("href").stream()
                .anyMatch(href -> href.startsWith("http://127.0.0.1:8080/hq/prospects/")),
                lead.select("#timeline").html());
    }

    private void assertRefused(EventEnvelope event, String field) {
        InboxResult result = commerce.deliver(event);
        assertEquals(Outcome.FAILED, result.outcome(), field + " " + event.payload());
        assertTrue(result.error().contains("unsafe URL in " + field), result.error());
        assertEquals(0L, rows.count("lead where prospect_id = ?1", Long.parseLong(event.aggregateId())), "no lead");
        assertEquals(0L, rows.count("dualwrite_inbox where event_id = ?1", event.eventId()),
                "not recorded: the sender retries it and finally shows it dead");
        assertEquals(0L, rows.count("dualwrite_link where table_map = 'prospects-to-leads' and remote_id = ?1",
                event.aggregateId()));
    }

    private static Document page(String path) {
        Response response = given().get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.asString());
    }

    private static void assertNoScriptLink(Document page) {
        assertFalse(SCRIPT_LINK.matcher(page.outerHtml()).find(), page.outerHtml());
        for (Element link : page.select("[href], [src], [action]")) {
            for (String attribute : List.of("href", "src", "action")) {
                String value = link.attr(attribute).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                assertFalse(value.startsWith("javascript:") || value.startsWith("data:"), link.outerHtml());
            }
        }
    }
}
