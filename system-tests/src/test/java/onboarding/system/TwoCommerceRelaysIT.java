package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, fault 5: two Commerce processes on the same database, both relaying its outbox; signups are
 * spread over both. Sizes: {@code -Dfaults.tworelays.signups} (default 1000),
 * {@code -Dfaults.tworelays.clients} (6).
 */
@SystemTest
class TwoCommerceRelaysIT {

    private final SystemUnderTest system;

    TwoCommerceRelaysIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void twoRelaysOnOneOutboxDeliverEveryEventOnceAndSkipNone() {
        int n = Faults.size("faults.tworelays.signups", 1000);
        int clients = Faults.size("faults.tworelays.clients", 6);
        String tag = Faults.burstTag("tworelays");
        String like = Faults.like(tag);
        AppProcess second = system.secondCommerce();
        second.startAndAwaitReady();
        try {
            SignupClient first = system.signups();
            SignupClient other = new SignupClient(second.url());
            double firstBefore = Faults.metric(system.commerce(), "dualwrite_events_delivered_total");
            double duplicatesBefore = Faults.metric(system.sales(), "dualwrite_events_duplicates_total");

            long begin = System.nanoTime();
            Faults.burst(tag, n, clients, i -> i % 2 == 0 ? first : other);
            long burstMillis = (System.nanoTime() - begin) / 1_000_000;
            await("all " + n + " leads").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                    .until(() -> Faults.leads(system, tag) >= n && Faults.commerceBacklog(system, tag) == 0);
            long totalMillis = (System.nanoTime() - begin) / 1_000_000;

            double byFirst = Faults.metric(system.commerce(), "dualwrite_events_delivered_total") - firstBefore;
            double bySecond = Faults.metric(second, "dualwrite_events_delivered_total");
            double duplicates = Faults.metric(system.sales(), "dualwrite_events_duplicates_total") - duplicatesBefore;
            Faults.measure("fault 5 (two Commerce relays, one database): %d signups over both in %d ms, all leads after"
                    + " %d ms (%.1f events/s end to end); delivered by commerce %.0f, by commerce-2 %.0f (other tests'"
                    + " events included); duplicate deliveries acknowledged by Sales: %.0f", n, burstMillis,
                    totalMillis, Faults.perSecond(n, totalMillis), byFirst, bySecond, duplicates);

            Database sales = system.salesDb();
            assertEquals(n, sales.number("SELECT count(*) FROM lead WHERE email LIKE ?", like), "leads");
            assertEquals(n, sales.number("SELECT count(DISTINCT prospect_id) FROM lead WHERE email LIKE ?", like),
                    "one lead per prospect");
            assertEquals(n, system.commerceDb().number("SELECT count(*) FROM prospect WHERE email LIKE ?"
                    + " AND replication_status = 'REPLICATED'", like), "prospects REPLICATED");
            Set<String> events = new HashSet<>(system.commerceDb().rows("""
                    SELECT o.event_id::text AS id FROM dualwrite_outbox o JOIN prospect p ON o.aggregate_id = p.id::text
                     WHERE o.aggregate_type = 'prospect' AND p.email LIKE ?""", like)
                    .stream().map(row -> (String) row.get("id")).toList());
            Set<String> applied = new HashSet<>(sales.rows("""
                    SELECT i.event_id::text AS id FROM dualwrite_inbox i JOIN lead l ON l.id::text = i.result_id
                     WHERE i.event_type = 'prospect.submitted' AND l.email LIKE ?""", like)
                    .stream().map(row -> (String) row.get("id")).toList());
            assertEquals(n, events.size(), "events written");
            assertEquals(events, applied, "every event applied, none skipped, none twice");
            assertTrue(byFirst > 0 && bySecond > 0, "both processes relayed (" + byFirst + ", " + bySecond + ")");
        } finally {
            second.stop();
        }
    }
}
