package onboarding.commerce.customer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import onboarding.model.CompanyInfo;
import onboarding.model.Json;
import onboarding.model.OrganizationSnapshotV1;
import onboarding.commerce.support.BrowserForm;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Initial sync of customers-to-accounts: one organization.snapshot per organisation customer, written set-based
 * in batches through the outbox (the relay is off in tests, so the events stay there to be read), with the
 * account the customer is already linked to; the console shows the map INITIALIZING, then CATCHING_UP.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = { "staff", "admin" })
class OrganizationSyncTest {

    private static final String SNAPSHOTS = "dualwrite_outbox where event_type = 'organization.snapshot'";

    @Inject
    EntityManager em;

    @Test
    void every_organisation_customer_is_copied_once_per_run_in_batches_with_its_linked_account() {
        long first = number("select coalesce(max(id), 0) + 1 from customer");
        execute("insert into customer (id, number, type, status, name, street, city, postal_code, country_code,"
                + " vat_number, website, created_at) select id, 'CU-' || lpad(id::text, 6, '0'),"
                + " case when g % 10 = 0 then 'PERSON' else 'ORGANIZATION' end, 'ACTIVE', 'Org ' || g, g || ' rue',"
                + " 'Lyon', '69003', 'FR', 'FR' || g, null, now()"
                + " from (select nextval('customer_seq') id, g from generate_series(1, 2300) g) s");
        long linked = number("select min(id) from customer where id >= " + first + " and type = 'ORGANIZATION'");
        long accountId = 1_000_000 + linked;
        execute("insert into dualwrite_link (table_map, local_id, remote_id, remote_label) values"
                + " ('accounts-to-customers', '" + linked + "', '" + accountId + "', 'A-" + accountId + "')");
        long organisations = number("select count(*) from customer where type = 'ORGANIZATION'");
        long before = number("select count(*) from " + SNAPSHOTS);

        sync();

        assertEquals(organisations, number("select done from dualwrite_sync where table_map = 'customers-to-accounts'"));
        assertEquals(organisations, number("select total from dualwrite_sync where table_map = 'customers-to-accounts'"));
        assertEquals(before + organisations, number("select count(*) from " + SNAPSHOTS));
        assertEquals(0L, number("select count(*) from " + SNAPSHOTS + " and aggregate_id in"
                + " (select id::text from customer where type = 'PERSON')"), "persons are not accounts");
        assertEquals(company(linked), snapshot(linked).company());
        assertEquals(accountId, snapshot(linked).accountId(), "the account it is linked to");
        long unlinked = number("select min(id) from customer where id > " + linked + " and type = 'ORGANIZATION'");
        OrganizationSnapshotV1 copy = snapshot(unlinked);
        assertEquals(new OrganizationSnapshotV1(unlinked, customerNumber(unlinked), null, company(unlinked),
                copy.customerUrl()), copy);
        assertTrue(copy.customerUrl().endsWith("/hq/customers/" + unlinked), copy.customerUrl());
        Document console = Jsoup.parse(given().get("/dualwrite").asString());
        assertTrue(console.select("#syncs tr[data-sync=customers-to-accounts]").text()
                .contains(organisations + " / " + organisations));
        assertTrue(console.select("#syncs tr[data-sync=customers-to-accounts] .sync-note").text().contains("Commerce wins"));

        sync();

        assertEquals(before + 2 * organisations, number("select count(*) from " + SNAPSHOTS), "a second run copies again");
        assertEquals(List.of(1L, 2L), numbers("select seq from dualwrite_outbox where event_type = 'organization.snapshot'"
                + " and aggregate_id = '" + unlinked + "' order by id"), "in order per record");
    }

    @Test
    void the_console_shows_initializing_while_syncing_then_catching_up_with_an_old_backlog() {
        execute("insert into dualwrite_sync (table_map, state, total, done) values ('customers-to-accounts', 'RUNNING', 10, 3)"
                + " on conflict (table_map) do update set state = 'RUNNING'");
        try {
            assertEquals("INITIALIZING", state());
        } finally {
            execute("update dualwrite_sync set state = 'DONE' where table_map = 'customers-to-accounts'");
        }
        execute("insert into dualwrite_outbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type,"
                + " schema_version, origin, payload, created_at) values (gen_random_uuid(), 'customers-to-accounts',"
                + " 'customer', '-1', 1, 'organization.snapshot', 1, 'COMMERCE', '{}', now() - interval '1 minute')");
        // the oldest waiting event of the map (other tests may have left some) has waited a minute
        execute("update dualwrite_outbox set created_at = now() - interval '1 minute' where id = (select min(id)"
                + " from dualwrite_outbox where table_map = 'customers-to-accounts' and status in ('PENDING', 'INFLIGHT'))");
        try {
            assertEquals("CATCHING_UP", state());
            assertTrue(Jsoup.parse(given().header("Accept-Language", "fr").get("/dualwrite").asString())
                    .select("#states").text().contains("à rattraper"));
            assertEquals(303, BrowserForm.open("/dualwrite", null)
                    .post("/dualwrite/console/maps/customers-to-accounts/pause", Map.of()).statusCode());
            assertEquals("PAUSED", state());
            assertEquals(303, BrowserForm.open("/dualwrite", null)
                    .post("/dualwrite/console/maps/customers-to-accounts/resume", Map.of()).statusCode());
        } finally {
            execute("delete from dualwrite_outbox where aggregate_id = '-1'");
        }
        assertEquals("RUNNING", state("contacts-to-customers"), "no backlog, no sync: running");
    }

    private void sync() {
        assertEquals(303, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/maps/customers-to-accounts/sync", Map.of()).statusCode());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(text("select state from dualwrite_sync where table_map = 'customers-to-accounts'")));
    }

    private String state() {
        return state("customers-to-accounts");
    }

    private String state(String map) {
        return Jsoup.parse(given().get("/dualwrite").asString()).select("tr[data-map=" + map + "] .badge").first().text();
    }

    private OrganizationSnapshotV1 snapshot(long customerId) {
        try {
            return Json.mapper().readValue(text("select cast(payload as text) from " + SNAPSHOTS
                    + " and aggregate_id = '" + customerId + "' order by id limit 1"), OrganizationSnapshotV1.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private String customerNumber(long customerId) {
        return text("select number from customer where id = " + customerId);
    }

    private CompanyInfo company(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerService.companyOf(Customer.findById(customerId)));
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Long> numbers(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(sql).getResultList())
                .stream().map(Number::longValue).toList());
    }

    private String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).getSingleResult());
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }
}
