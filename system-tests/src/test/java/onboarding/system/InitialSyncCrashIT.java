package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, initial sync: N organisation customers exist in Commerce (inserted by SQL, as a shop that had them
 * before the bridge); {@code admin} starts the initial sync of {@code customers-to-accounts} on the Commerce
 * console; Commerce is killed (SIGKILL) half-way and started again; the sync resumes after its last committed
 * batch. Sales ends with exactly N accounts, linked one-to-one; a second run changes nothing.
 * Size: {@code -Dfaults.sync.customers} (default 5000).
 */
@SystemTest
class InitialSyncCrashIT {

    private static final String MAP = "customers-to-accounts";
    private static final String START = "form[action=/dualwrite/console/maps/" + MAP + "/sync]";

    private final SystemUnderTest system;

    InitialSyncCrashIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void syncKilledHalfWayEndsWithExactlyOneLinkedAccountPerCustomer() {
        int n = Faults.size("faults.sync.customers", 5000);
        String tag = Faults.burstTag("sync");
        String like = tag + " %";
        assertEquals(n, system.commerceDb().number("""
                WITH added AS (
                  INSERT INTO customer (id, number, type, status, name, street, city, postal_code, country_code,
                                        vat_number, website, credit_limit, created_at)
                  SELECT id, 'CU-' || lpad(id::text, 6, '0'), 'ORGANIZATION', 'ACTIVE', ? || ' ' || g, g || ' rue des Forges',
                         'Lyon', '69003', 'FR', 'FR' || lpad(g::text, 11, '0'), 'https://' || ? || '-' || g || '.example',
                         5000, now()
                    FROM (SELECT nextval('customer_seq') AS id, g FROM generate_series(1, ?) g) s
                  RETURNING 1)
                SELECT count(*) FROM added""", tag, tag, n), "customers inserted");
        Operator admin = Operator.signIn(system.commerce().url(), "admin", "admin-demo");

        long begin = System.nanoTime();
        admin.submitExpectingRedirect("/dualwrite", START, Map.of());
        long total = syncRow().total();
        assertTrue(total >= n, "the sync counts every organisation customer");
        SyncRow atKill = await("half of the sync").atMost(Faults.DRAIN).pollInterval(Duration.ofMillis(5))
                .until(this::syncRow, row -> row.done() >= total / 2 || "DONE".equals(row.state()));
        system.commerce().kill();
        long killMillis = (System.nanoTime() - begin) / 1_000_000;
        SyncRow afterKill = syncRow();
        long accountsAtKill = accounts(like);
        assertEquals("RUNNING", afterKill.state(), "the kill must catch the sync running, or the test proves nothing");
        assertTrue(afterKill.done() < total, "killed before the end: " + afterKill.done() + " of " + total);

        long restart = System.nanoTime();
        system.commerce().startAndAwaitReady();
        await("the sync to resume and finish").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                .until(() -> "DONE".equals(syncRow().state()));
        await("every account in Sales").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                .until(() -> accounts(like) >= n && backlog() == 0);
        long resumeMillis = (System.nanoTime() - restart) / 1_000_000;
        Faults.measure("initial sync (Commerce kill -9 half-way): %d customers (%d organisations in all); killed after"
                + " %d ms at %d / %d done, %d accounts in Sales; after the restart DONE and all accounts in Sales in %d ms",
                n, total, killMillis, afterKill.done(), total, accountsAtKill, resumeMillis);

        assertExactlyOneLinkedAccountPerCustomer(n, like);
        SyncRow done = syncRow();
        assertEquals(done.total(), done.done(), "progress DONE " + done.done() + " / " + done.total());
        Element progress = admin.get("/dualwrite").selectFirst("#syncs tr[data-sync=" + MAP + "]");
        assertTrue(progress.text().contains("DONE") && progress.text().contains(done.done() + " / " + done.total()),
                progress.text());
        assertTrue(atKill.done() > 0, "progress was visible while it ran");

        // a second run changes nothing: still N accounts, none of them touched (same versions)
        long versions = system.salesDb().number("SELECT coalesce(sum(version), 0) FROM account WHERE name LIKE ?", like);
        admin.submitExpectingRedirect("/dualwrite", START, Map.of());
        await("the second run").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                .until(() -> "DONE".equals(syncRow().state()) && backlog() == 0);
        assertExactlyOneLinkedAccountPerCustomer(n, like);
        assertEquals(versions, system.salesDb().number("SELECT coalesce(sum(version), 0) FROM account WHERE name LIKE ?",
                like), "no account changed");
    }

    private void assertExactlyOneLinkedAccountPerCustomer(int n, String like) {
        Database sales = system.salesDb();
        Database commerce = system.commerceDb();
        assertEquals(n, accounts(like), "accounts of the customers");
        assertEquals(n, sales.number("SELECT count(DISTINCT commerce_customer_id) FROM account WHERE name LIKE ?", like),
                "one account per customer");
        Set<String> customerIds = new HashSet<>(commerce.rows("SELECT id::text AS id FROM customer WHERE name LIKE ?", like)
                .stream().map(row -> (String) row.get("id")).toList());
        Set<String> accountCustomers = new HashSet<>(sales.rows(
                "SELECT commerce_customer_id::text AS id FROM account WHERE name LIKE ?", like)
                .stream().map(row -> (String) row.get("id")).toList());
        assertEquals(customerIds, accountCustomers, "the accounts belong to exactly the customers");
        assertEquals(n, sales.number("""
                SELECT count(*) FROM account a JOIN dualwrite_link k ON k.table_map = ? AND k.local_id = a.id::text
                   AND k.remote_id = a.commerce_customer_id::text WHERE a.name LIKE ?""", MAP, like), "Sales links");
        Set<String> linkedAccounts = new HashSet<>(commerce.rows("""
                SELECT k.remote_id FROM dualwrite_link k JOIN customer c ON k.local_id = c.id::text
                 WHERE k.table_map = ? AND c.name LIKE ?""", MAP, like).stream().map(row -> (String) row.get("remote_id")).toList());
        Set<String> accountIds = new HashSet<>(sales.rows("SELECT id::text AS id FROM account WHERE name LIKE ?", like)
                .stream().map(row -> (String) row.get("id")).toList());
        assertEquals(accountIds, linkedAccounts, "Commerce links point at exactly those accounts");
    }

    private record SyncRow(String state, long total, long done) {
    }

    private SyncRow syncRow() {
        Map<String, Object> row = system.commerceDb().rows(
                "SELECT state, total, done FROM dualwrite_sync WHERE table_map = ?", MAP).get(0);
        return new SyncRow((String) row.get("state"), ((Number) row.get("total")).longValue(),
                ((Number) row.get("done")).longValue());
    }

    private long accounts(String like) {
        return system.salesDb().number("SELECT count(*) FROM account WHERE name LIKE ?", like);
    }

    /** organization.snapshot events of Commerce not delivered yet. */
    private long backlog() {
        return system.commerceDb().number("SELECT count(*) FROM dualwrite_outbox WHERE event_type = 'organization.snapshot'"
                + " AND status <> 'DELIVERED'");
    }
}
