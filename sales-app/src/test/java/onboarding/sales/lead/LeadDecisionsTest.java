package onboarding.sales.lead;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import onboarding.model.CompanyInfo;
import onboarding.model.DecisionReason;
import onboarding.model.EventTypes;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.sales.account.Account;
import onboarding.sales.contact.Contact;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.opportunity.OpportunityStatus;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Fixtures;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Qualify and disqualify on the lead page: what they create, what they tell Commerce, what they refuse. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class LeadDecisionsTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Test
    void qualify_creates_account_contact_and_opportunity_and_tells_commerce_once() {
        String domain = Fixtures.domain();
        CompanyInfo company = Fixtures.company(domain, Fixtures.vat());
        long leadId = commerce.signup(company, Fixtures.contact("claire@" + domain));
        Lead lead = lead(leadId);

        BrowserForm page = BrowserForm.open("/leads/" + leadId);
        Response response = page.submit("#qualify-form", Map.of());

        assertEquals(303, response.statusCode(), response.asString());
        long opportunityId = Long.parseLong(response.header("Location").replaceAll(".*/opportunities/", ""));
        Opportunity opportunity = rows.inTransaction(() -> {
            Opportunity o = Opportunity.findById(opportunityId);
            o.account.name.length(); // loaded for the checks below
            return o;
        });
        assertEquals(OpportunityStatus.OPEN, opportunity.status);
        assertEquals("alice", opportunity.owner);
        assertEquals("Partnership – " + company.name(), opportunity.name);
        assertEquals(Opportunity.numberOf(opportunityId), opportunity.number);
        assertTrue(opportunity.number.matches("O-\\d{6,}"));
        Account account = opportunity.account;
        assertTrue(account.number.matches("A-\\d{6,}"));
        assertEquals(company, account.company());
        assertTrue(account.knownToCommerce);
        Contact contact = opportunity.contact;
        assertTrue(contact.number.matches("C-\\d{6,}"));
        assertEquals("claire@" + domain, contact.email);
        assertEquals(account.id, contact.account.id);
        assertEquals(leadId, opportunity.lead.id);

        Lead qualified = lead(leadId);
        assertEquals(LeadStatus.QUALIFIED, qualified.status);
        assertEquals(opportunityId, qualified.opportunityId);
        assertEquals("alice", qualified.decidedBy);

        List<LeadQualifiedV1> events = rows.outbox("lead", leadId, EventTypes.LEAD_QUALIFIED, LeadQualifiedV1.class);
        assertEquals(1, events.size());
        LeadQualifiedV1 event = events.get(0);
        assertEquals(leadId, event.leadId());
        assertEquals(lead.number, event.leadNumber());
        assertEquals(lead.prospectId, event.prospectId());
        assertEquals(lead.prospectNumber, event.prospectNumber());
        assertEquals(opportunityId, event.opportunityId());
        assertEquals(opportunity.number, event.opportunityNumber());
        assertEquals(account.id, event.account().accountId());
        assertEquals(account.number, event.account().accountNumber());
        assertEquals(company, event.account().company());
        assertEquals(contact.id, event.contact().contactId());
        assertEquals(contact.number, event.contact().contactNumber());
        assertEquals(Fixtures.contact("claire@" + domain), event.contact().contact());
        assertEquals("alice", event.qualifiedBy());
        assertTrue(event.leadUrl().endsWith("/leads/" + leadId), event.leadUrl());
        assertEquals(List.of("lead-decisions lead.qualified"), rows.outboxSummary("lead", leadId));
        assertEquals(1L, rows.count("dualwrite_outbox where aggregate_type = 'lead' and aggregate_id = ?1"
                + " and correlation_id = ?2", Long.toString(leadId), lead.correlationId));

        Document leadPage = Jsoup.parse(given().get("/leads/" + leadId).asString());
        assertTrue(leadPage.select("#timeline").text().contains("Qualified by alice: opportunity " + opportunity.number),
                leadPage.select("#timeline").text());
        assertEquals("/opportunities/" + opportunityId, leadPage.select("#opportunity-link").attr("href"));
        assertTrue(leadPage.select("#qualify-form, #disqualify-form, #assign-form").isEmpty(), "no decision left");

        Document opportunityPage = Jsoup.parse(given().get("/opportunities/" + opportunityId).asString());
        assertEquals("/accounts/" + account.id, opportunityPage.select("#account-link").attr("href"));
        assertEquals("/contacts/" + contact.id, opportunityPage.select("#contact-link").attr("href"));
        assertEquals("/leads/" + leadId, opportunityPage.select("#lead-link").attr("href"));
        assertEquals("OPEN", opportunityPage.select("#status").attr("class").replace("badge ", ""));
    }

    @Test
    void qualify_can_reuse_an_existing_account_among_the_duplicates() {
        String domain = Fixtures.domain();
        String vat = Fixtures.vat();
        long firstLead = commerce.signup(Fixtures.company(domain, vat), Fixtures.contact("claire@" + domain));
        BrowserForm.open("/leads/" + firstLead).submit("#qualify-form", Map.of());
        long accountId = rows.inTransaction(() -> Opportunity.<Opportunity>find("lead.id", firstLead).firstResult()
                .account.id);
        long accountsBefore = rows.inTransaction(() -> Account.count());

        long secondLead = commerce.signup(Fixtures.company(domain, vat), Fixtures.contact("marc@" + domain));
        BrowserForm page = BrowserForm.open("/leads/" + secondLead);
        List<String> choices = page.form("#qualify-form").select("input[name=accountId]").eachAttr("value");
        assertEquals(List.of("", Long.toString(accountId)), choices, "new account, or the duplicate account");
        Response response = page.submit("#qualify-form", Map.of("accountId", Long.toString(accountId)));

        assertEquals(303, response.statusCode(), response.asString());
        assertEquals(accountsBefore, rows.inTransaction(() -> Account.count()), "no new account");
        Opportunity opportunity = rows.inTransaction(
                () -> Opportunity.<Opportunity>find("lead.id", secondLead).firstResult());
        assertEquals(accountId, opportunity.account.id);
        assertEquals(accountId, opportunity.contact.account.id);
        LeadQualifiedV1 event = rows.outbox("lead", secondLead, EventTypes.LEAD_QUALIFIED, LeadQualifiedV1.class)
                .get(0);
        assertEquals(accountId, event.account().accountId());
        assertEquals(2L, rows.count("opportunity where account_id = ?1", accountId));
    }

    @Test
    void qualify_accepts_only_an_account_the_lead_page_offered() {
        long unrelatedLead = commerce.signup();
        BrowserForm.open("/leads/" + unrelatedLead).submit("#qualify-form", Map.of());
        long unrelatedAccount = rows.inTransaction(() -> Opportunity.<Opportunity>find("lead.id", unrelatedLead)
                .firstResult().account.id);

        long leadId = commerce.signup();
        Lead lead = lead(leadId);
        BrowserForm page = BrowserForm.open("/leads/" + leadId);
        assertEquals(List.of(""), page.form("#qualify-form").select("input[name=accountId]").eachAttr("value"),
                "no duplicate account to offer: only a new account");
        long accounts = rows.inTransaction(() -> Account.count());
        long contactsOfUnrelated = rows.count("contact where account_id = ?1", unrelatedAccount);

        Map<String, String> refusedIds = Map.of(
                Long.toString(unrelatedAccount), "The account you picked is not one of the possible duplicates offered"
                        + " for lead " + lead.number + ", and a lead can only reuse one of those. Nothing was changed;"
                        + " reload the page and pick again.",
                "999999999", "The account you picked for lead " + lead.number + " no longer exists.",
                "-1", "The account you picked for lead " + lead.number + " no longer exists.",
                "x' or '1'='1", "The account you picked for lead " + lead.number + " no longer exists.");
        refusedIds.forEach((accountId, message) -> {
            Response response = page.submit("#qualify-form", Map.of("accountId", accountId));
            assertEquals(409, response.statusCode(), accountId + ": " + response.asString());
            assertTrue(Jsoup.parse(response.asString()).select("#conflict-message").text().startsWith(message),
                    accountId + ": " + Jsoup.parse(response.asString()).select("#conflict-message").text());
        });

        Lead after = lead(leadId);
        assertEquals(LeadStatus.OPEN, after.status);
        assertEquals(lead.version, after.version);
        assertNull(after.owner);
        assertEquals(0L, rows.outboxCount("lead", leadId), "no event: Commerce learns nothing");
        assertEquals(0L, rows.count("opportunity where lead_id = ?1", leadId));
        assertEquals(accounts, rows.inTransaction(() -> Account.count()));
        assertEquals(contactsOfUnrelated, rows.count("contact where account_id = ?1", unrelatedAccount),
                "the other company's account gained no contact");
        assertEquals(1L, rows.count("opportunity where account_id = ?1", unrelatedAccount));

        assertEquals(303, page.submit("#qualify-form", Map.of()).statusCode(), "a new account is still fine");
    }

    @Test
    void disqualify_records_the_reason_and_tells_commerce_once() {
        long leadId = commerce.signup();
        Lead lead = lead(leadId);

        Response response = BrowserForm.open("/leads/" + leadId).submit("#disqualify-form",
                Map.of("reason", "NO_LONGER_INTERESTED", "reasonShareable", "true"));

        assertEquals(303, response.statusCode(), response.asString());
        assertEquals("/leads/" + leadId, response.header("Location").replaceAll("^https?://[^/]+", ""));
        Lead disqualified = lead(leadId);
        assertEquals(LeadStatus.DISQUALIFIED, disqualified.status);
        assertEquals(DecisionReason.NO_LONGER_INTERESTED, disqualified.decisionReason);
        assertTrue(disqualified.reasonShareable);
        assertNull(disqualified.opportunityId);
        List<LeadDisqualifiedV1> events = rows.outbox("lead", leadId, EventTypes.LEAD_DISQUALIFIED,
                LeadDisqualifiedV1.class);
        assertEquals(List.of(new LeadDisqualifiedV1(leadId, lead.number, lead.prospectId, lead.prospectNumber,
                DecisionReason.NO_LONGER_INTERESTED, true, "alice", events.get(0).leadUrl())), events);
        assertTrue(events.get(0).leadUrl().endsWith("/leads/" + leadId));
        assertEquals(List.of("lead-decisions lead.disqualified"), rows.outboxSummary("lead", leadId));
        assertEquals(0L, rows.count("opportunity where lead_id = ?1", leadId));

        Document page = Jsoup.parse(given().get("/leads/" + leadId).asString());
        assertTrue(page.select("#timeline").text().contains("Disqualified by alice: no longer interested"));
        assertTrue(page.select("#decision").text().contains("No longer interested"));
    }

    @Test
    void an_unshared_reason_stays_unshared() {
        long leadId = commerce.signup();
        BrowserForm.open("/leads/" + leadId).submit("#disqualify-form", Map.of("reason", "CANNOT_CONTACT"));
        LeadDisqualifiedV1 event = rows.outbox("lead", leadId, EventTypes.LEAD_DISQUALIFIED,
                LeadDisqualifiedV1.class).get(0);
        assertEquals(DecisionReason.CANNOT_CONTACT, event.reason());
        assertEquals(false, event.reasonShareable());
    }

    @Test
    void a_disqualification_without_a_known_reason_is_a_400_and_changes_nothing() {
        long leadId = commerce.signup();
        Response response = BrowserForm.open("/leads/" + leadId).submit("#disqualify-form",
                Map.of("reason", "BORED"));
        assertEquals(400, response.statusCode());
        assertEquals("Choose a reason from the list.", Jsoup.parse(response.asString()).select("#reason-error").text());
        assertEquals(LeadStatus.OPEN, lead(leadId).status);
        assertEquals(0L, rows.outboxCount("lead", leadId));
    }

    @Test
    void only_the_decisions_legal_in_the_current_state_are_offered() {
        long leadId = commerce.signup();
        Document open = BrowserForm.open("/leads/" + leadId).page();
        assertEquals(1, open.select("#assign-form").size());
        assertEquals(1, open.select("#qualify-form").size());
        assertEquals(1, open.select("#disqualify-form").size());
        assertEquals(List.of("LOST", "CANNOT_CONTACT", "NO_LONGER_INTERESTED", "CANCELED"),
                open.select("#disqualify-form select[name=reason] option").eachAttr("value"));
        assertEquals(1, open.select("#disqualify-form input[type=checkbox][name=reasonShareable]").size());

        BrowserForm.open("/leads/" + leadId).submit("#assign-form", Map.of());
        Document mine = BrowserForm.open("/leads/" + leadId).page();
        assertTrue(mine.select("#assign-form").isEmpty(), "already mine");
        assertEquals("alice", mine.select("#owner").text());
        assertTrue(mine.select("#timeline").text().contains("Assigned to alice"));
        assertEquals(0L, rows.outboxCount("lead", leadId), "assignment stays in Sales");
    }

    @Test
    void decisions_on_a_qualified_lead_are_refused_and_change_nothing() {
        long leadId = commerce.signup();
        BrowserForm stale = BrowserForm.open("/leads/" + leadId);
        assertEquals(303, BrowserForm.open("/leads/" + leadId).submit("#qualify-form", Map.of()).statusCode());
        assertRefusedAndUnchanged(leadId, stale, "already qualified");
    }

    @Test
    void decisions_on_a_disqualified_lead_are_refused_and_change_nothing() {
        long leadId = commerce.signup();
        BrowserForm stale = BrowserForm.open("/leads/" + leadId);
        assertEquals(303, BrowserForm.open("/leads/" + leadId)
                .submit("#disqualify-form", Map.of("reason", "LOST")).statusCode());
        assertRefusedAndUnchanged(leadId, stale, "already disqualified");
    }

    @Test
    void a_stale_version_is_refused_and_changes_nothing() {
        long leadId = commerce.signup();
        BrowserForm stale = BrowserForm.open("/leads/" + leadId);
        BrowserForm.open("/leads/" + leadId).submit("#assign-form", Map.of()); // someone else's change
        Lead before = lead(leadId);
        long outboxBefore = rows.outboxCount("lead", leadId);

        for (String form : List.of("#qualify-form", "#disqualify-form")) {
            Response response = stale.submit(form, Map.of());
            assertEquals(409, response.statusCode(), form);
            assertTrue(Jsoup.parse(response.asString()).select("#conflict-message").text()
                    .contains("Someone else changed this record"), response.asString());
        }
        Response crafted = stale.post("/leads/" + leadId + "/qualify", Map.of());
        assertEquals(409, crafted.statusCode(), "no version at all");
        Response garbage = stale.post("/leads/" + leadId + "/disqualify", Map.of("version", "x", "reason", "LOST"));
        assertEquals(409, garbage.statusCode(), "a version that is not a number");

        Lead after = lead(leadId);
        assertEquals(before.version, after.version);
        assertEquals(LeadStatus.OPEN, after.status);
        assertEquals(outboxBefore, rows.outboxCount("lead", leadId));
    }

    @Test
    void a_double_submitted_qualify_creates_one_opportunity() {
        long leadId = commerce.signup();
        BrowserForm page = BrowserForm.open("/leads/" + leadId);
        long accounts = rows.inTransaction(() -> Account.count());
        assertEquals(303, page.submit("#qualify-form", Map.of()).statusCode());
        assertEquals(409, page.submit("#qualify-form", Map.of()).statusCode());
        assertEquals(accounts + 1, rows.inTransaction(() -> Account.count()));
        assertEquals(1L, rows.count("opportunity where lead_id = ?1", leadId));
        assertEquals(1L, rows.outboxCount("lead", leadId, EventTypes.LEAD_QUALIFIED));
    }

    @Test
    void an_unknown_lead_is_a_404() {
        given().redirects().follow(false).get("/leads/999999999").then().statusCode(404);
    }

    private void assertRefusedAndUnchanged(long leadId, BrowserForm stale, String expected) {
        Lead before = lead(leadId);
        long outboxBefore = rows.outboxCount("lead", leadId);
        long opportunitiesBefore = rows.count("opportunity where lead_id = ?1", leadId);
        String version = Long.toString(before.version);

        List<Response> refused = List.of(
                stale.submit("#qualify-form", Map.of("version", version)),
                stale.submit("#disqualify-form", Map.of("version", version, "reason", "LOST")),
                stale.submit("#assign-form", Map.of("version", version)),
                stale.submit("#qualify-form", Map.of()),
                stale.submit("#disqualify-form", Map.of()));
        for (Response response : refused) {
            assertEquals(409, response.statusCode(), response.asString());
            String message = Jsoup.parse(response.asString()).select("#conflict-message").text();
            assertNotNull(message);
            assertTrue(message.contains(before.number), message);
        }
        assertTrue(Jsoup.parse(refused.get(0).asString()).select("#conflict-message").text().contains(expected));

        Lead after = lead(leadId);
        assertEquals(before.version, after.version);
        assertEquals(before.status, after.status);
        assertEquals(before.decisionReason, after.decisionReason);
        assertEquals(before.owner, after.owner);
        assertEquals(outboxBefore, rows.outboxCount("lead", leadId));
        assertEquals(opportunitiesBefore, rows.count("opportunity where lead_id = ?1", leadId));
    }

    private Lead lead(long id) {
        return rows.inTransaction(() -> Lead.findById(id));
    }
}
