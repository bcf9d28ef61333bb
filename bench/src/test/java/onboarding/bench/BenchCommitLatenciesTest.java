package onboarding.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answer → commit pairing, the notification payload, and the pages' target check. */
class BenchCommitLatenciesTest {

    @Test
    void pairsAnswersWithCommitsSeen() {
        Map<Long, Long> answered = Map.of(1L, 1_000_000L, 2L, 2_000_000L, 3L, 3_000_000L, 4L, 4_000_000L);
        Map<Long, Long> committed = Map.of(1L, 11_000_000L, 2L, 1_500_000L, 4L, 54_000_000L, 9L, 1L);
        CommitLatencies c = CommitLatencies.match(answered, committed);
        assertEquals(3, c.latencies.count(), "prospect 3 was never seen; 9 was not a signup of the run");
        assertEquals(1, c.missing);
        assertEquals(1, c.beforeAnswer, "prospect 2's lead committed before its answer arrived: 0 ms");
        assertEquals(50.0, c.latencies.maxMs(), 0.1);
        assertEquals(10.0, c.latencies.percentileMs(50), 0.1);
    }

    @Test
    void readsTheProspectNumberOfANotification() {
        assertEquals(123L, LeadCommits.prospectId("PR-000123").orElseThrow());
        assertEquals(1000000123L, LeadCommits.prospectId("PR-1000000123").orElseThrow());
        assertTrue(LeadCommits.prospectId("L-000123").isEmpty());
        assertTrue(LeadCommits.prospectId(null).isEmpty());
        assertTrue(LeadCommits.prospectId("PR-12x").isEmpty());
    }

    @Test
    void theListenerConnectsToTheLoopbackOnly() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LeadCommits.Source("jdbc:postgresql://10.0.0.5:5432/sales_bench", "sales", "x"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LeadCommits.Source("jdbc:postgresql://127.0.0.1:5432/sales?socketFactory=x", "sales", "x"));
        new LeadCommits.Source("jdbc:postgresql://127.0.0.1:5432/sales_bench_bh", "sales", "x");
    }

    @Test
    void aPageShowsItsTargetByTheRowsNumber() {
        String html = "<tr data-number=\"PR-000123\"><td><a href=\"/hq/prospects/123\">PR-000123</a></td></tr>";
        assertTrue(BackOfficePages.shows(html, "PR-000123"));
        assertTrue(!BackOfficePages.shows(html, "PR-00012"), "the whole number");
        assertTrue(!BackOfficePages.shows("<p>PR-000123</p>", "PR-000123"), "a row of the list, not any mention");
        assertTrue(!BackOfficePages.shows(null, "PR-000123"));
    }
}
