package onboarding.sales.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.ContactUpdatedV1;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.sales.contact.Contact;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Qualified;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Account and contact pages: edits replicated to Commerce once, Commerce's organisation edits applied without echo. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class AccountContactTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Inject
    Qualified qualified;

    @Inject
    MeterRegistry metrics;

    @Test
    void an_account_edit_is_saved_and_replicated_once() {
        Opportunity opportunity = qualified.opportunity();
        Account account = opportunity.account;
        BrowserForm page = BrowserForm.open("/accounts/" + account.id);
        assertEquals(account.name, page.form("#edit-form").selectFirst("input[name=name]").attr("value"));

        Response response = page.submit("#edit-form", Map.of("name", "  Dupont Outillage Group ", "city", "Villeurbanne",
                "vatNumber", "fr 403 032 650 45", "website", "dupont-group.example"));

        assertEquals(303, response.statusCode(), response.asString());
        Account saved = reloadAccount(account.id);
        assertEquals("Dupont Outillage Group", saved.name);
        assertEquals("Villeurbanne", saved.city);
        assertEquals("FR40303265045", saved.vatNumber);
        assertEquals("https://dupont-group.example", saved.website);
        assertEquals(account.version + 1, saved.version);
        List<AccountUpdatedV1> events = rows.outbox("account", account.id, EventTypes.ACCOUNT_UPDATED,
                AccountUpdatedV1.class);
        assertEquals(List.of(new AccountUpdatedV1(account.id, account.number, new CompanyInfo("Dupont Outillage Group",
                account.street, "Villeurbanne", account.postalCode, account.countryCode, "FR40303265045",
                "https://dupont-group.example"), "alice")), events);
        assertEquals(List.of("accounts-to-customers account.updated"), rows.outboxSummary("account", account.id));
        Document after = Jsoup.parse(given().get("/accounts/" + account.id).asString());
        assertTrue(after.select("#timeline").text().contains("Edited by alice"), after.select("#timeline").text());
        assertTrue(after.select("#company").text().contains("Villeurbanne"));

        // saving the same values again is no change: nothing to replicate
        assertEquals(303, BrowserForm.open("/accounts/" + account.id).submit("#edit-form", Map.of()).statusCode());
        assertEquals(1L, rows.outboxCount("account", account.id));
    }

    @Test
    void an_invalid_account_edit_is_a_400_with_errors_by_field_and_the_input_kept() {
        Opportunity opportunity = qualified.opportunity();
        Account account = opportunity.account;
        Response response = BrowserForm.open("/accounts/" + account.id).submit("#edit-form",
                Map.of("name", " ", "city", "Villeurbanne", "countryCode", "XX", "vatNumber", "12",
                        "website", "not a site"));

        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertEquals("This field is required.", page.select("#name-error").text());
        assertEquals("Choose a country from the list (a two-letter ISO code, like FR).", page.select("#countryCode-error").text());
        assertTrue(page.select("#vatNumber-error").text().startsWith("Enter a VAT number"));
        assertTrue(page.select("#website-error").text().startsWith("Enter a web address"));
        assertTrue(page.select("#city-error").isEmpty());
        assertEquals("Villeurbanne", page.select("#edit-form input[name=city]").attr("value"), "input kept");
        assertEquals("XX", page.select("#edit-form input[name=countryCode]").attr("value"));
        assertEquals(Long.toString(account.version), page.select("#edit-form input[name=version]").attr("value"));

        Account unchanged = reloadAccount(account.id);
        assertEquals(account.name, unchanged.name);
        assertEquals(account.version, unchanged.version);
        assertEquals(0L, rows.outboxCount("account", account.id));
    }

    @Test
    void a_stale_account_form_is_refused_and_changes_nothing() {
        Account account = qualified.opportunity().account;
        BrowserForm stale = BrowserForm.open("/accounts/" + account.id);
        assertEquals(303, BrowserForm.open("/accounts/" + account.id)
                .submit("#edit-form", Map.of("city", "Bron")).statusCode());

        Response response = stale.submit("#edit-form", Map.of("city", "Vénissieux"));

        assertEquals(409, response.statusCode());
        assertEquals("Bron", reloadAccount(account.id).city);
        assertEquals(1L, rows.outboxCount("account", account.id));
    }

    @Test
    void a_contact_edit_is_saved_and_replicated_once_and_invalid_input_is_a_400() {
        Opportunity opportunity = qualified.opportunity();
        Contact contact = opportunity.contact;
        BrowserForm page = BrowserForm.open("/contacts/" + contact.id);
        assertEquals("/accounts/" + opportunity.account.id, page.page().select("#account-link").attr("href"));

        Response invalid = page.submit("#edit-form", Map.of("email", "claire-at-dupont", "phone", "call me"));
        assertEquals(400, invalid.statusCode());
        Document errors = Jsoup.parse(invalid.asString());
        assertTrue(errors.select("#email-error").text().startsWith("Enter a valid email address"));
        assertTrue(errors.select("#phone-error").text().startsWith("Enter a phone number"));
        assertEquals("claire-at-dupont", errors.select("#edit-form input[name=email]").attr("value"));
        assertEquals(0L, rows.outboxCount("contact", contact.id));

        Response saved = page.submit("#edit-form", Map.of("lastName", "Dupont-Martin", "email", "Claire.Dupont@Example.com"));
        assertEquals(303, saved.statusCode(), saved.asString());
        List<ContactUpdatedV1> events = rows.outbox("contact", contact.id, EventTypes.CONTACT_UPDATED,
                ContactUpdatedV1.class);
        assertEquals(List.of(new ContactUpdatedV1(contact.id, contact.number, new ContactInfo("Claire", "Dupont-Martin",
                "claire.dupont@example.com", contact.phone), "alice")), events);
        assertEquals(List.of("contacts-to-customers contact.updated"), rows.outboxSummary("contact", contact.id));
        Document after = Jsoup.parse(given().get("/contacts/" + contact.id).asString());
        assertTrue(after.select("#timeline").text().contains("Edited by alice"));
    }

    @Test
    void an_organisation_edited_in_commerce_updates_the_account_without_echo() {
        Account account = qualified.opportunity().account;
        long outboxBefore = rows.count("dualwrite_outbox");
        double suppressedBefore = metrics.counter("dualwrite.events.suppressed").count();
        CompanyInfo edited = new CompanyInfo("Dupont Outillage SAS", "3 quai Perrache", "Lyon", "69002", "FR",
                account.vatNumber, "https://dupont.example");
        long customerId = account.id + 500_000;
        EventEnvelope event = commerce.organizationUpdated(customerId, account.id, edited);

        InboxResult result = commerce.deliver(event);

        assertEquals(InboxResult.Outcome.APPLIED, result.outcome(), result.error());
        assertEquals(account.id.toString(), result.remoteId());
        assertEquals(account.number, result.remoteLabel());
        Account updated = reloadAccount(account.id);
        assertEquals(edited, updated.company());
        assertEquals(outboxBefore, rows.count("dualwrite_outbox"), "no event back to Commerce");
        assertEquals(suppressedBefore + 1, metrics.counter("dualwrite.events.suppressed").count(),
                "the change took the path of an edit, and the bridge dropped its event");
        assertEquals(0L, rows.outboxCount("account", account.id));
        Document page = Jsoup.parse(given().get("/accounts/" + account.id).asString());
        assertTrue(page.select("#timeline").text().contains("Updated by dual-write from Commerce customer "
                + String.format("CU-%06d", customerId)), page.select("#timeline").text());

        // a second delivery is acknowledged, not applied again
        assertEquals(InboxResult.Outcome.DUPLICATE, commerce.deliver(event).outcome());
        assertEquals(1L, rows.count("timeline_entry where record_type = 'account' and record_id = ?1"
                + " and message_key = 'timeline.account.updatedByDualWrite'", account.id.toString()));
    }

    @Test
    void an_organisation_edit_for_an_unknown_account_fails_and_is_retried_later() {
        EventEnvelope event = commerce.organizationUpdated(42, 999_999_999L,
                new CompanyInfo("Nobody", "1 rue", "Lyon", "69001", "FR", null, null));
        InboxResult result = commerce.deliver(event);
        assertEquals(InboxResult.Outcome.FAILED, result.outcome());
        assertEquals(0L, rows.count("dualwrite_inbox where event_id = ?1", event.eventId()));
    }

    private Account reloadAccount(long id) {
        return rows.inTransaction(() -> Account.findById(id));
    }
}
