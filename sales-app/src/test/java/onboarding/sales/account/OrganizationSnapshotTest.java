package onboarding.sales.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import onboarding.model.CompanyInfo;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Fixtures;
import onboarding.sales.support.Qualified;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The initial sync of customers-to-accounts as Sales applies it: one account per Commerce organisation customer,
 * created when missing, overwritten when present (Commerce wins), linked, and the same however often it runs.
 */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class OrganizationSnapshotTest {

    private static final AtomicLong CUSTOMERS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Inject
    Qualified qualified;

    @Test
    void a_customer_without_account_gets_one_linked_and_a_second_copy_changes_nothing() {
        long customerId = CUSTOMERS.incrementAndGet();
        CompanyInfo company = Fixtures.company();

        InboxResult first = commerce.deliver(commerce.organizationSnapshot(customerId, null, company));

        assertEquals(InboxResult.Outcome.APPLIED, first.outcome(), first.error());
        long accountId = Long.parseLong(first.remoteId());
        Account account = reload(accountId);
        assertEquals(company, account.company());
        assertEquals(customerId, account.commerceCustomerId);
        assertTrue(account.knownToCommerce, "later edits go back to Commerce");
        assertEquals(Account.numberOf(accountId), first.remoteLabel());
        assertEquals(1L, rows.count("dualwrite_link where table_map = 'customers-to-accounts' and local_id = ?1"
                + " and remote_id = ?2", Long.toString(accountId), Long.toString(customerId)));
        assertTrue(Jsoup.parse(given().get("/accounts/" + accountId).asString()).select("#timeline").text()
                .contains("Copied by the initial sync from Commerce customer CU-"));

        InboxResult again = commerce.deliver(commerce.organizationSnapshot(customerId, null, company));

        assertEquals(InboxResult.Outcome.APPLIED, again.outcome(), again.error());
        assertEquals(first.remoteId(), again.remoteId());
        assertEquals(1L, rows.count("account where commerce_customer_id = ?1", customerId));
        Account unchanged = reload(accountId);
        assertEquals(account.version, unchanged.version, "nothing changed, nothing written");
        assertEquals(account.updatedAt, unchanged.updatedAt);
    }

    @Test
    void a_batch_of_copies_creates_one_account_per_customer_in_one_go_and_a_repeated_customer_still_one() {
        long a = CUSTOMERS.incrementAndGet();
        long b = CUSTOMERS.incrementAndGet();
        long c = CUSTOMERS.incrementAndGet();
        CompanyInfo company = Fixtures.company();

        List<InboxResult> results = commerce.deliver(List.of(commerce.organizationSnapshot(a, null, company),
                commerce.organizationSnapshot(b, null, company), commerce.organizationSnapshot(c, null, company)));

        assertEquals(3, results.stream().filter(r -> r.outcome() == InboxResult.Outcome.APPLIED).count(),
                results.toString());
        long[] customers = { a, b, c };
        for (int i = 0; i < customers.length; i++) {
            long accountId = Long.parseLong(results.get(i).remoteId());
            assertEquals(customers[i], reload(accountId).commerceCustomerId, "results in the order of the batch");
            assertEquals(Account.numberOf(accountId), results.get(i).remoteLabel());
            assertEquals(1L, rows.count("dualwrite_link where table_map = 'customers-to-accounts' and local_id = ?1"
                    + " and remote_id = ?2", Long.toString(accountId), Long.toString(customers[i])));
        }

        CompanyInfo renamed = new CompanyInfo("Renamed " + a, company.street(), company.city(), company.postalCode(),
                company.countryCode(), company.vatNumber(), company.website());
        List<InboxResult> twice = commerce.deliver(List.of(commerce.organizationSnapshot(a, null, company),
                commerce.organizationSnapshot(a, null, renamed)));

        assertEquals(List.of(results.get(0).remoteId(), results.get(0).remoteId()),
                twice.stream().map(InboxResult::remoteId).toList(), twice.toString());
        assertEquals(1L, rows.count("account where commerce_customer_id = ?1", a));
        assertEquals("Renamed " + a, reload(Long.parseLong(results.get(0).remoteId())).name, "the later copy wins");
    }

    @Test
    void commerce_wins_over_a_sales_edit_and_later_sales_edits_flow_back() {
        long customerId = CUSTOMERS.incrementAndGet();
        CompanyInfo company = Fixtures.company();
        long accountId = Long.parseLong(commerce.deliver(commerce.organizationSnapshot(customerId, null, company))
                .remoteId());
        Response edit = BrowserForm.open("/accounts/" + accountId).submit("#edit-form", Map.of("city", "Bron"));
        assertEquals(303, edit.statusCode(), edit.asString());
        assertEquals(1L, rows.outboxCount("account", accountId, EventTypes.ACCOUNT_UPDATED), "replicated to Commerce");
        long version = reload(accountId).version;

        InboxResult resync = commerce.deliver(commerce.organizationSnapshot(customerId, null, company));

        assertEquals(InboxResult.Outcome.APPLIED, resync.outcome(), resync.error());
        Account account = reload(accountId);
        assertEquals(company.city(), account.city, "Commerce wins");
        assertEquals(version + 1, account.version, "a concurrent form sees the change");
        assertEquals(1L, rows.outboxCount("account", accountId, EventTypes.ACCOUNT_UPDATED), "no echo");
    }

    @Test
    void a_customer_linked_to_an_account_updates_that_account_instead_of_creating_one() {
        Account account = qualified.opportunity().account;
        long customerId = CUSTOMERS.incrementAndGet();
        long accounts = rows.count("account");
        CompanyInfo renamed = new CompanyInfo("Renamed by Commerce", account.street, account.city, account.postalCode,
                account.countryCode, account.vatNumber, account.website);

        InboxResult result = commerce.deliver(commerce.organizationSnapshot(customerId, account.id, renamed));

        assertEquals(InboxResult.Outcome.APPLIED, result.outcome(), result.error());
        assertEquals(account.id.toString(), result.remoteId());
        assertEquals(accounts, rows.count("account"));
        Account updated = reload(account.id);
        assertEquals("Renamed by Commerce", updated.name);
        assertEquals(customerId, updated.commerceCustomerId);

        // a later copy without the account id (e.g. the link is only on this side) still finds it by customer
        InboxResult again = commerce.deliver(commerce.organizationSnapshot(customerId, null, renamed));
        assertEquals(account.id.toString(), again.remoteId());
        assertEquals(accounts, rows.count("account"));
    }

    @Test
    void a_copy_without_name_fails_and_changes_nothing() {
        long customerId = CUSTOMERS.incrementAndGet();
        long accounts = rows.count("account");
        EventEnvelope event = commerce.organizationSnapshot(customerId, null,
                new CompanyInfo(" ", "1 rue", "Lyon", "69001", "FR", null, null));

        List<InboxResult> results = commerce.deliver(List.of(event));

        assertEquals(InboxResult.Outcome.FAILED, results.get(0).outcome());
        assertEquals(accounts, rows.count("account"));
        assertEquals(0L, rows.count("dualwrite_inbox where event_id = ?1", event.eventId()));
        assertNull(rows.inTransaction(() -> Account.find("commerceCustomerId", customerId).firstResult()));
    }

    @Test
    @TestSecurity(user = "manager", roles = "sales-manager")
    void accounts_to_customers_is_listed_as_not_syncable_with_its_reason() {
        BrowserForm console = BrowserForm.open("/dualwrite");
        assertTrue(console.page().select("#syncs tr[data-sync=accounts-to-customers] .not-syncable").text()
                .contains("only for a partner whose lead was qualified"));
        assertTrue(console.page().select("#syncs tr[data-sync=accounts-to-customers] form").isEmpty());

        assertEquals(409, console.post("/dualwrite/console/maps/accounts-to-customers/sync", Map.of()).statusCode());
        assertEquals(0L, rows.count("dualwrite_sync where table_map = 'accounts-to-customers'"));
        for (String decisions : List.of("lead-decisions", "opportunity-outcomes")) {
            assertTrue(console.page().select("#syncs tr[data-sync=" + decisions + "] .not-syncable").text()
                    .contains("sending them again would decide again"), decisions);
        }
        assertTrue(console.page().select("#syncs tr[data-sync=contacts-to-customers] .not-syncable").text()
                .contains("person customer only with the qualification"));
    }

    private Account reload(long id) {
        return rows.inTransaction(() -> Account.findById(id));
    }
}
