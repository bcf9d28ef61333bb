package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, fault 2: Commerce is killed (SIGKILL) while its relay delivers a backlog built up during a Sales
 * outage; when it starts again it takes back at once the events it had in flight (its leases carry its
 * name), and Sales applies each exactly once. Sizes:
 * {@code -Dfaults.relaycrash.backlog} (default 1000), {@code -Dfaults.relaycrash.clients} (6).
 */
@SystemTest
class CommerceCrashWhileRelayingIT {

    private final SystemUnderTest system;

    CommerceCrashWhileRelayingIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void backlogIsAppliedExactlyOnceAfterCommerceCrashesMidDelivery() {
        int n = Faults.size("faults.relaycrash.backlog", 1000);
        int clients = Faults.size("faults.relaycrash.clients", 6);
        String tag = Faults.burstTag("relaycrash");
        String like = Faults.like(tag);

        system.sales().stop();
        long begin = System.nanoTime();
        Faults.burst(tag, n, clients, i -> system.signups());
        long burstMillis = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(n, Faults.commerceBacklog(system, tag), "backlog while Sales is down");

        system.sales().start();
        // killed while a batch is in flight: Sales has begun applying and Commerce holds events under lease
        await("Sales to start applying the backlog").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> Faults.leads(system, tag) > 0 && inflight(like) > 0);
        system.commerce().kill();
        long arrived = Faults.leads(system, tag);
        long inflight = inflight(like);
        long appliedAtKill = Faults.leads(system, tag);
        system.sales().awaitReady();

        long restart = System.nanoTime();
        system.commerce().startAndAwaitReady();
        await("the backlog to drain").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                .until(() -> Faults.commerceBacklog(system, tag) == 0);
        long drainMillis = (System.nanoTime() - restart) / 1_000_000;
        Faults.measure("fault 2 (Commerce kill -9 while relaying): backlog %d built in %d ms; killed when Sales had %d"
                + " (%d a moment later) with %d events INFLIGHT; drained %d ms after the restart began (%.1f events/s,"
                + " start-up included)", n, burstMillis, arrived, appliedAtKill, inflight, drainMillis,
                Faults.perSecond(n - arrived, drainMillis));
        assertTrue(inflight > 0, "the kill must catch a batch in flight, or the test proves nothing");

        Database sales = system.salesDb();
        Set<String> events = new HashSet<>(system.commerceDb().rows("""
                SELECT o.event_id::text AS id FROM dualwrite_outbox o JOIN prospect p ON o.aggregate_id = p.id::text
                 WHERE o.aggregate_type = 'prospect' AND p.email LIKE ? AND o.status = 'DELIVERED'""", like)
                .stream().map(row -> (String) row.get("id")).toList());
        assertEquals(n, events.size(), "events delivered");
        Set<String> applied = new HashSet<>(sales.rows("""
                SELECT i.event_id::text AS id FROM dualwrite_inbox i JOIN lead l ON l.id::text = i.result_id
                 WHERE i.event_type = 'prospect.submitted' AND l.email LIKE ?""", like)
                .stream().map(row -> (String) row.get("id")).toList());
        assertEquals(events, applied, "one inbox row per event, for exactly the burst's events");
        assertEquals(n, sales.number("SELECT count(*) FROM lead WHERE email LIKE ?", like), "leads = events");
        assertEquals(n, sales.number("SELECT count(DISTINCT prospect_id) FROM lead WHERE email LIKE ?", like),
                "one lead per prospect");
        assertEquals(0, Faults.commerceBacklog(system, tag), "backlog");
    }

    private long inflight(String like) {
        return system.commerceDb().number("""
                SELECT count(*) FROM dualwrite_outbox o JOIN prospect p ON o.aggregate_id = p.id::text
                 WHERE o.aggregate_type = 'prospect' AND p.email LIKE ? AND o.status = 'INFLIGHT'""", like);
    }
}
