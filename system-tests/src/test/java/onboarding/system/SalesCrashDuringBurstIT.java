package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, fault 1: Sales is killed (SIGKILL) in the middle of a burst of signups and started again.
 * Sizes: {@code -Dfaults.crash.signups} (default 2000, the size), {@code -Dfaults.crash.clients} (6).
 */
@SystemTest
class SalesCrashDuringBurstIT {

    private final SystemUnderTest system;

    SalesCrashDuringBurstIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void everySignupBecomesExactlyOneLinkedLeadAfterSalesCrashes() throws Exception {
        int n = Faults.size("faults.crash.signups", 2000);
        int clients = Faults.size("faults.crash.clients", 6);
        String tag = Faults.burstTag("crash");
        long begin = System.nanoTime();

        // the crash: as soon as part of the burst has reached Sales, in the middle of the signups
        CompletableFuture<Long> killed = CompletableFuture.supplyAsync(() -> {
            long arrived = await("part of the burst in Sales").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Faults.leads(system, tag), count -> count >= Math.max(1, n / 5));
            system.sales().kill();
            return arrived;
        });
        Faults.burst(tag, n, clients, i -> system.signups());
        long burstMillis = (System.nanoTime() - begin) / 1_000_000;
        long leadsAtKill = killed.get(5, TimeUnit.MINUTES);
        long leadsBeforeRestart = Faults.leads(system, tag);

        long restart = System.nanoTime();
        system.sales().startAndAwaitReady();
        long readyMillis = (System.nanoTime() - restart) / 1_000_000;
        await("all " + n + " leads after the restart").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                .until(() -> Faults.leads(system, tag) >= n && Faults.commerceBacklog(system, tag) == 0);
        long drainMillis = (System.nanoTime() - restart) / 1_000_000 - readyMillis;
        long drained = n - leadsBeforeRestart;

        Faults.measure("fault 1 (Sales kill -9 during burst): %d signups by %d clients in %d ms (%.1f/s); Sales killed"
                + " with %d leads applied; restart ready in %d ms; the remaining %d delivered %d ms after ready (%.1f"
                + " events/s)", n, clients, burstMillis, Faults.perSecond(n, burstMillis), leadsAtKill, readyMillis,
                drained, drainMillis, Faults.perSecond(drained, drainMillis));

        Database sales = system.salesDb();
        Database commerce = system.commerceDb();
        String like = Faults.like(tag);
        assertEquals(n, sales.number("SELECT count(*) FROM lead WHERE email LIKE ?", like), "leads of the burst");
        assertEquals(n, sales.number("SELECT count(DISTINCT lower(email)) FROM lead WHERE email LIKE ?", like),
                "distinct emails among the leads");
        assertEquals(n, sales.number("SELECT count(DISTINCT prospect_id) FROM lead WHERE email LIKE ?", like),
                "distinct prospects among the leads");
        assertEquals(0, sales.number("""
                SELECT count(*) FROM lead l WHERE l.email LIKE ? AND NOT EXISTS (SELECT 1 FROM dualwrite_link k
                 WHERE k.table_map = 'prospects-to-leads' AND k.local_id = l.id::text)""", like), "leads without a link");
        assertEquals(0, sales.number("""
                SELECT count(*) FROM dualwrite_link k WHERE k.table_map = 'prospects-to-leads'
                   AND NOT EXISTS (SELECT 1 FROM lead l WHERE l.id::text = k.local_id)"""), "links to no lead (Sales)");
        assertEquals(n, sales.number("""
                SELECT count(*) FROM dualwrite_inbox i JOIN lead l ON l.id::text = i.result_id
                 WHERE i.event_type = 'prospect.submitted' AND l.email LIKE ?""", like), "inbox rows of the burst");

        assertEquals(n, commerce.number("SELECT count(*) FROM prospect WHERE email LIKE ?", like), "prospects");
        assertEquals(n, commerce.number("SELECT count(*) FROM prospect WHERE email LIKE ? AND replication_status = 'REPLICATED'",
                like), "prospects showing REPLICATED");
        Set<String> linkedLeads = new HashSet<>(commerce.rows("""
                SELECT k.remote_id FROM dualwrite_link k JOIN prospect p ON k.local_id = p.id::text
                 WHERE k.table_map = 'prospects-to-leads' AND p.email LIKE ?""", like)
                .stream().map(row -> (String) row.get("remote_id")).toList());
        List<String> leadIds = sales.rows("SELECT id::text AS id FROM lead WHERE email LIKE ?", like)
                .stream().map(row -> (String) row.get("id")).toList();
        assertEquals(new HashSet<>(leadIds), linkedLeads, "Commerce links point at exactly the burst's leads");
    }
}
