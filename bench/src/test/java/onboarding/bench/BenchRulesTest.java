package onboarding.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every PASS/FAIL rule of the report: a row passes with the work done and counted, and fails for each thing missing. */
class BenchRulesTest {

    private static Figures figures(String... keyValues) {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put(keyValues[i], keyValues[i + 1]);
        }
        return new Figures(raw);
    }

    private static Figures with(Figures base, String... keyValues) {
        Map<String, String> raw = new HashMap<>(base.raw());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put(keyValues[i], keyValues[i + 1]);
        }
        return new Figures(raw);
    }

    private static Figures without(Figures base, String key) {
        Map<String, String> raw = new HashMap<>(base.raw());
        raw.remove(key);
        return new Figures(raw);
    }

    private static void fails(Verdict verdict, String reason) {
        assertFalse(verdict.pass(), "should fail: " + reason);
        assertEquals(Report.FAIL, verdict.result());
        assertTrue(verdict.failures().stream().anyMatch(f -> f.contains(reason)), reason + " in " + verdict.failures());
    }

    // ---- scenario 1 ----

    static final Figures SIGNUP = figures("signup.rate", "640", "signup.latency.p99", "45", "signup.errors", "0",
            "signup.ok", "30000", "signup.accepted", "32000", "signup.prospects", "32000", "signup.leads", "32000");

    @Test
    void signupPassesWhenFastAndEveryAcceptedSignupIsALead() {
        assertTrue(Rules.signup(SIGNUP).pass(), Rules.signup(SIGNUP).failures().toString());
        assertEquals(Report.PASS, Rules.signup(SIGNUP).result());
    }

    @Test
    void signupFailsForEachMissedRequirement() {
        fails(Rules.signup(with(SIGNUP, "signup.rate", "599.9")), "signups/s");
        fails(Rules.signup(with(SIGNUP, "signup.latency.p99", "50")), "p99");
        fails(Rules.signup(with(SIGNUP, "signup.errors", "1")), "errors");
        fails(Rules.signup(with(SIGNUP, "signup.leads", "31999")), "leads in Sales: 31,999 of 32,000");
        fails(Rules.signup(with(SIGNUP, "signup.prospects", "32001")), "prospects in Commerce");
        fails(Rules.signup(without(SIGNUP, "signup.leads")), "leads in Sales: not counted");
        fails(Rules.signup(without(SIGNUP, "signup.rate")), "signups/s: not measured");
    }

    // ---- scenario 2 ----

    static final Figures REPLICATION = figures("replication.ok", "3000", "replication.errors", "0",
            "replication.outside.samples", "3000", "replication.outside.p50", "12", "replication.outside.p99", "60");

    @Test
    void replicationPassesWhenEveryLeadWasSeenCommittedInTime() {
        assertTrue(Rules.replication(REPLICATION).pass(), Rules.replication(REPLICATION).failures().toString());
    }

    @Test
    void replicationFailsWhenALeadWasNotSeenOrTooLate() {
        fails(Rules.replication(with(REPLICATION, "replication.outside.samples", "2999")), "leads seen committed");
        fails(Rules.replication(with(REPLICATION, "replication.outside.p50", "25")), "p50");
        fails(Rules.replication(with(REPLICATION, "replication.outside.p99", "100.5")), "p99");
        fails(Rules.replication(with(REPLICATION, "replication.errors", "2")), "errors");
        fails(Rules.replication(without(REPLICATION, "replication.outside.p99")), "p99 ms: not measured");
        fails(Rules.replication(with(REPLICATION, "replication.ok", "0", "replication.outside.samples", "0")),
                "accepted signups");
    }

    // ---- scenario 3 and its baseline ----

    /** Commerce 40 batches/s, Sales 60 batches/s, 200 per batch: 1/(1/40 + 1/60) = 24 batches/s = 4,800 events/s. */
    static final Figures BASELINE = figures("baseline.drain.batch", "200", "baseline.drain.commerceBatchTps", "40",
            "baseline.drain.salesBatchTps", "60", "baseline.drain.deliveredRows", "20000",
            "baseline.drain.commerceEventsExpected", "20000", "baseline.drain.leadRows", "20000",
            "baseline.drain.salesEventsExpected", "20000", "baseline.drain.valid", "true");

    static final Figures DRAIN = with(BASELINE, "drain.complete", "true", "drain.rate", "5100", "drain.events", "100000",
            "drain.leads", "100000", "drain.inboxRows", "100000", "drain.deliveredRows", "100000", "drain.deadRows", "0",
            "drain.skippedRows", "0");

    @Test
    void drainBaselineIsTheSerialRateOfBothTransactionsTimesTheBatch() {
        assertEquals(4800, Rules.drainBaseline(BASELINE).orElseThrow(), 1e-9);
        assertEquals(12000, Rules.salesOnlyBaseline(BASELINE).orElseThrow(), 1e-9);
        assertTrue(Rules.drainBaselineRule(BASELINE).pass());
    }

    @Test
    void drainBaselineIsInvalidWhenATransactionDidNotDoAWholeBatch() {
        Figures short_ = with(BASELINE, "baseline.drain.deliveredRows", "19800", "baseline.drain.valid", "false");
        fails(Rules.drainBaselineRule(short_), "scratch outbox rows marked delivered: 19,800 of 20,000");
        assertTrue(Rules.drainBaseline(short_).isEmpty(), "no baseline from an invalid run");
        fails(Rules.drain(with(DRAIN, "baseline.drain.valid", "false")), "no valid same-work baseline");
    }

    @Test
    void drainPassesOnlyWithEveryEventAppliedOnce() {
        assertTrue(Rules.drain(DRAIN).pass(), Rules.drain(DRAIN).failures().toString());
        fails(Rules.drain(with(DRAIN, "drain.leads", "99990")), "leads: 99,990 of 100,000");
        fails(Rules.drain(with(DRAIN, "drain.inboxRows", "99999")), "inbox rows");
        fails(Rules.drain(with(DRAIN, "drain.deliveredRows", "99998")), "outbox rows DELIVERED");
        fails(Rules.drain(with(DRAIN, "drain.deadRows", "2")), "DEAD");
        fails(Rules.drain(with(DRAIN, "drain.skippedRows", "1")), "SKIPPED");
        fails(Rules.drain(with(DRAIN, "drain.complete", "false")), "backlog not empty");
        fails(Rules.drain(without(DRAIN, "drain.leads")), "leads: not counted");
    }

    @Test
    void drainFailsBelowTheRateOrTheRatioToTheSameWorkBaseline() {
        fails(Rules.drain(with(DRAIN, "drain.rate", "4999")), "events/s");
        // 5,100 / 4,800 = 1.06; with a Sales twice as fast the baseline is 1/(1/40 + 1/120) × 200 = 6,000: 0.85 × still
        assertTrue(Rules.drain(with(DRAIN, "baseline.drain.salesBatchTps", "120")).pass());
        // a baseline of 1/(1/100 + 1/100) × 200 = 10,000 events/s: 5,100 is 0.51 ×
        fails(Rules.drain(with(DRAIN, "baseline.drain.commerceBatchTps", "100", "baseline.drain.salesBatchTps", "100")),
                "× baseline: 0.51");
    }

    // ---- scenario 4 ----

    static final Figures PAGE = figures("pages.name.samples", "100", "pages.name.p95", "17.5", "pages.name.errors", "0",
            "pages.name.found", "100");

    @Test
    void pagePassesWhenFastAndTheTargetIsOnEveryPage() {
        assertTrue(Rules.page(PAGE, "pages.name").pass());
    }

    @Test
    void pageFailsWhenTheTargetIsMissingOrItIsSlow() {
        fails(Rules.page(with(PAGE, "pages.name.found", "99"), "pages.name"), "target prospect on the page: 99 of 100");
        fails(Rules.page(without(PAGE, "pages.name.found"), "pages.name"), "target prospect on the page: not counted");
        fails(Rules.page(with(PAGE, "pages.name.p95", "20"), "pages.name"), "p95");
        fails(Rules.page(with(PAGE, "pages.name.errors", "1"), "pages.name"), "errors");
        fails(Rules.page(with(PAGE, "pages.name.samples", "0", "pages.name.found", "0"), "pages.name"), "samples");
    }

    // ---- scenario 5 and 6 ----

    @Test
    void startupAndMemoryHaveTheirLimits() {
        assertTrue(Rules.startup(figures("startup.sales.ms", "2499"), "startup.sales").pass());
        fails(Rules.startup(figures("startup.sales.ms", "2500"), "startup.sales"), "ms to ready");
        fails(Rules.startup(figures(), "startup.sales"), "not measured");
        assertTrue(Rules.memory(figures("memory.sales.rssAfterMb", "249.9"), "memory.sales").pass());
        fails(Rules.memory(figures("memory.sales.rssAfterMb", "250"), "memory.sales"), "RSS");
    }

    static final Figures SYNC = figures("sync.complete", "true", "sync.state", "DONE", "sync.rate", "5600",
            "sync.commerce.heapMaxMb", "61", "sync.sales.heapMaxMb", "54", "sync.partialReadings", "20");

    @Test
    void initialSyncRule() {
        assertTrue(Rules.initialSync(SYNC).pass(), Rules.initialSync(SYNC).failures().toString());
        fails(Rules.initialSync(with(SYNC, "sync.rate", "5555")), "records/s");
        fails(Rules.initialSync(with(SYNC, "sync.sales.heapMaxMb", "256")), "heap max MB: 256");
        fails(Rules.initialSync(without(SYNC, "sync.sales.heapMaxMb")), "heap max: not measured");
        fails(Rules.initialSync(with(SYNC, "sync.complete", "false")), "not all accounts");
        fails(Rules.initialSync(with(SYNC, "sync.state", "RUNNING")), "console not DONE");
        fails(Rules.initialSync(with(SYNC, "sync.partialReadings", "0")), "progress");
    }

    // ---- the peer ----

    static final Figures PEER = with(with(DRAIN, REPLICATION.raw().entrySet().stream()
            .flatMap(e -> List.of(e.getKey(), e.getValue()).stream()).toArray(String[]::new)),
            "peer.latency.ok", "3000", "peer.latency.outside.samples", "3000", "peer.latency.outside.p99", "80",
            "peer.drain.complete", "true", "peer.drain.events", "100000", "peer.drain.leads", "100000",
            "peer.drain.inboxRows", "100000",
            "peer.drain.delivery.failed", "0", "peer.drain.rate", "3000");

    @Test
    void peerPassesWhenOursIsNoSlowerAndDrainsNoSlowerBothComplete() {
        assertTrue(Rules.peer(PEER).pass(), Rules.peer(PEER).failures().toString());
        assertTrue(Rules.peer(with(PEER, "peer.latency.outside.p99", "60", "peer.drain.rate", "5100")).pass(),
                "equal figures pass");
    }

    @Test
    void peerFailsWhenItBeatsUsOrAMeasurementIsIncomplete() {
        fails(Rules.peer(with(PEER, "peer.latency.outside.p99", "59")), "p99 ours 60.0 ms > its 59.0 ms");
        fails(Rules.peer(with(PEER, "peer.drain.rate", "5101")), "drain ours 5,100/s < its 5,101/s");
        fails(Rules.peer(with(PEER, "peer.drain.leads", "99999")), "peer: leads");
        fails(Rules.peer(with(PEER, "peer.drain.inboxRows", "99999")), "peer: inbox rows");
        fails(Rules.peer(with(PEER, "peer.drain.complete", "false")), "peer: backlog");
        fails(Rules.peer(with(PEER, "peer.latency.outside.samples", "2990")), "peer: leads seen committed");
        fails(Rules.peer(with(PEER, "peer.drain.delivery.failed", "3")), "peer: failed events");
        fails(Rules.peer(with(PEER, "drain.leads", "99999")), "ours: leads");
        fails(Rules.peer(without(PEER, "peer.drain.rate")), "drain ours 5,100/s < its ?/s");
    }
}
