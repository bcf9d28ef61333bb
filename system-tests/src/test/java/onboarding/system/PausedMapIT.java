package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, fault 6: the Commerce operator pauses {@code prospects-to-leads} (and {@code customers-to-accounts});
 * signups and edits of one organisation wait in the outbox; after <em>Resume</em> all of them arrive, the
 * edits in order. Sizes: {@code -Dfaults.paused.signups} (default 500, the size), {@code -Dfaults.paused.edits} (3).
 */
@SystemTest
class PausedMapIT {

    private static final Duration PAUSED_WAIT = Duration.ofSeconds(3);

    private final SystemUnderTest system;

    PausedMapIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void nothingLeavesWhilePausedAndEverythingArrivesInOrderAfterResume() throws Exception {
        int n = Faults.size("faults.paused.signups", 500);
        int edits = Faults.size("faults.paused.edits", 3);
        String tag = Faults.burstTag("paused");
        Operator alice = Operator.signIn(system.sales().url(), "alice", "alice-demo");
        Operator admin = Operator.signIn(system.commerce().url(), "admin", "admin-demo");
        Operator hq = Operator.signIn(system.commerce().url(), "hq", "hq-demo");
        Faults.Partner partner = Faults.awaitCustomer(system, Faults.qualify(system, alice, Faults.burstTag("paused-org")));
        String customer = Long.toString(partner.customerId());

        Faults.pause(admin, "prospects-to-leads");
        Faults.pause(admin, "customers-to-accounts");
        try {
            long begin = System.nanoTime();
            Faults.burst(tag, n, 4, i -> system.signups());
            long burstMillis = (System.nanoTime() - begin) / 1_000_000;
            String name = partner.signup().companyName();
            for (int i = 1; i <= edits; i++) {
                hq.submitExpectingRedirect("/hq/customers/" + customer, "form[action=/hq/customers/" + customer + "]",
                        java.util.Map.of("name", name + " hq " + i, "city", "Pausetown " + i));
            }
            // several relay sweeps: nothing may move while the maps are paused
            await("nothing delivered while paused").during(PAUSED_WAIT).atMost(PAUSED_WAIT.plusSeconds(10))
                    .pollInterval(Faults.POLL)
                    .until(() -> Faults.leads(system, tag) == 0 && system.salesDb().number(
                            "SELECT count(*) FROM dualwrite_inbox WHERE aggregate_type = 'customer' AND aggregate_id = ?",
                            customer) == 0);
            assertEquals(0, Faults.leads(system, tag), "no lead while prospects-to-leads is paused");
            assertEquals(0, system.salesDb().number("SELECT count(*) FROM dualwrite_inbox WHERE aggregate_type = 'customer'"
                    + " AND aggregate_id = ?", customer), "no edit while customers-to-accounts is paused");
            assertEquals(n, system.commerceDb().number("""
                    SELECT count(*) FROM dualwrite_outbox o JOIN prospect p ON o.aggregate_id = p.id::text
                     WHERE o.aggregate_type = 'prospect' AND p.email LIKE ? AND o.status = 'PENDING' AND o.attempts = 0""",
                    Faults.like(tag)), "events waiting untried");

            long resume = System.nanoTime();
            Faults.resumeIfPaused(admin, "customers-to-accounts");
            Faults.resumeIfPaused(admin, "prospects-to-leads");
            await("all " + n + " leads after resume").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                    .until(() -> Faults.leads(system, tag) >= n && Faults.commerceBacklog(system, tag) == 0);
            long drainMillis = (System.nanoTime() - resume) / 1_000_000;
            String last = name + " hq " + edits;
            await("the last edit in Sales").atMost(Duration.ofSeconds(30)).pollInterval(Faults.POLL)
                    .until(() -> system.salesDb().rows("SELECT name FROM account WHERE id = ?", partner.accountId())
                            .get(0).get("name"), last::equals);
            Faults.measure("fault 6 (map paused): %d signups + %d edits queued in %d ms; after Resume %d leads in %d ms"
                    + " (%.1f events/s)", n, edits, burstMillis, n, drainMillis, Faults.perSecond(n, drainMillis));

            assertEquals(n, system.salesDb().number("SELECT count(DISTINCT prospect_id) FROM lead WHERE email LIKE ?",
                    Faults.like(tag)), "one lead per signup");
            List<Long> sent = system.commerceDb().rows("""
                    SELECT seq FROM dualwrite_outbox WHERE aggregate_type = 'customer' AND aggregate_id = ?
                       AND event_type = 'organization.updated' ORDER BY id""", customer)
                    .stream().map(row -> ((Number) row.get("seq")).longValue()).toList();
            assertEquals(edits, sent.size());
            assertEquals(sent, Faults.appliedSeqs(system.salesDb(), "customer", customer, "organization.updated"),
                    "edits applied in Sales in their order, each once");
            assertEquals("Pausetown " + edits, system.salesDb().rows("SELECT city FROM account WHERE id = ?",
                    partner.accountId()).get(0).get("city"));
        } finally {
            Faults.resumeIfPaused(admin, "customers-to-accounts");
            Faults.resumeIfPaused(admin, "prospects-to-leads");
        }
    }
}
