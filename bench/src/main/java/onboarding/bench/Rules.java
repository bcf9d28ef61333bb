package onboarding.bench;

import java.util.Optional;

/**
 * The PASS/FAIL rule of every row, with its target (issue 16's targets, full mode, this 2-core machine). A rule
 * passes only when the work was done and counted in the databases after the run: every accepted signup a lead,
 * every drained event applied once, the searched prospect on every page; a figure that was not measured fails.
 */
final class Rules {

    private Rules() {
    }

    static final double SIGNUP_RATE = 600;
    static final double SIGNUP_P99_MS = 50;
    static final String SIGNUP_TARGET = "≥ 600 signups/s, p99 < 50 ms, 0 errors, every accepted signup a lead";

    static final double REPLICATION_P50_MS = 25;
    static final double REPLICATION_P99_MS = 100;
    static final String REPLICATION_TARGET = "p50 < 25 ms, p99 < 100 ms, every accepted signup's lead seen committed";

    static final double DRAIN_RATE = 5000;
    static final double DRAIN_RATIO = 0.7;
    static final String DRAIN_TARGET = "≥ 5,000 events/s and ≥ 0.7 × the same-work baseline; every event applied once"
            + " (leads = inbox rows = delivered = events, 0 DEAD, 0 SKIPPED)";

    static final double PAGE_P95_MS = 20;
    static final String PAGE_TARGET = "p95 < 20 ms, the target prospect on every page";

    static final double STARTUP_MS = 2500;
    static final String STARTUP_TARGET = "< 2.5 s";
    static final double RSS_MB = 250;
    static final String MEMORY_TARGET = "RSS < 250 MB after load";

    /** 1,000,000 records in 180 s: the rate any size of the scenario is held to. */
    static final double SYNC_RATE = 1_000_000 / 180.0;
    static final double SYNC_HEAP_MB = 256;
    static final String SYNC_TARGET = "1,000,000 in < 180 s end to end (≥ 5,556 records/s), heap < 256 MB, progress visible";

    static final String PEER_TARGET = "ours ≤ its p99 latency and ≥ its drain rate, measured in the same run, both complete";

    /** The batch of the drain baseline: the relay's {@code dualwrite.relay.batch-size}. */
    static Optional<Double> drainBaseline(Figures f) {
        if (!f.flag("baseline.drain.valid")) {
            return Optional.empty();
        }
        return Ratios.serial(f.num("baseline.drain.commerceBatchTps").orElse(0.0),
                f.num("baseline.drain.salesBatchTps").orElse(0.0))
                .flatMap(batches -> Ratios.events(Optional.of(batches), f.num("baseline.drain.batch")));
    }

    /** The same work as Debezium's delivery: only the Sales transaction of each batch (it writes nothing in Commerce). */
    static Optional<Double> salesOnlyBaseline(Figures f) {
        if (!f.flag("baseline.drain.valid")) {
            return Optional.empty();
        }
        return Ratios.events(f.num("baseline.drain.salesBatchTps"), f.num("baseline.drain.batch"));
    }

    /** The pgbench baseline of the drain is valid when every transaction did a whole batch. */
    static Verdict drainBaselineRule(Figures f) {
        return new Verdict(f)
                .require("baseline.drain.commerceBatchTps", v -> v > 0, "Commerce batches/s")
                .require("baseline.drain.salesBatchTps", v -> v > 0, "Sales batches/s")
                .requireEqual("baseline.drain.deliveredRows", "baseline.drain.commerceEventsExpected",
                        "scratch outbox rows marked delivered")
                .requireEqual("baseline.drain.leadRows", "baseline.drain.salesEventsExpected", "scratch leads written");
    }

    static Verdict signup(Figures f) {
        return new Verdict(f)
                .require("signup.rate", v -> v >= SIGNUP_RATE, "signups/s")
                .require("signup.latency.p99", v -> v < SIGNUP_P99_MS, "p99 ms")
                .require("signup.errors", v -> v == 0, "errors")
                .require("signup.ok", v -> v > 0, "accepted signups")
                .requireEqual("signup.prospects", "signup.accepted", "prospects in Commerce")
                .requireEqual("signup.leads", "signup.accepted", "leads in Sales");
    }

    static Verdict replication(Figures f) {
        return new Verdict(f)
                .require("replication.ok", v -> v > 0, "accepted signups")
                .require("replication.errors", v -> v == 0, "errors")
                .requireEqual("replication.outside.samples", "replication.ok", "leads seen committed")
                .require("replication.outside.p50", v -> v < REPLICATION_P50_MS, "p50 ms")
                .require("replication.outside.p99", v -> v < REPLICATION_P99_MS, "p99 ms");
    }

    static Verdict drain(Figures f) {
        Optional<Double> ratio = Ratios.ratio(f.num("drain.rate"), drainBaseline(f));
        return new Verdict(f)
                .require(f.flag("drain.complete"), "backlog not empty within the time bound")
                .require("drain.rate", v -> v >= DRAIN_RATE, "events/s")
                .require(ratio.isPresent(), "no valid same-work baseline")
                .require(ratio.orElse(1.0) >= DRAIN_RATIO, "× baseline: " + ratio.map(Report::fmt).orElse("?"))
                .requireEqual("drain.leads", "drain.events", "leads")
                .requireEqual("drain.inboxRows", "drain.events", "inbox rows")
                .requireEqual("drain.deliveredRows", "drain.events", "outbox rows DELIVERED")
                .require("drain.deadRows", v -> v == 0, "DEAD")
                .require("drain.skippedRows", v -> v == 0, "SKIPPED");
    }

    static Verdict page(Figures f, String id) {
        return new Verdict(f)
                .require(id + ".samples", v -> v > 0, "samples")
                .require(id + ".p95", v -> v < PAGE_P95_MS, "p95 ms")
                .require(id + ".errors", v -> v == 0, "errors")
                .requireEqual(id + ".found", id + ".samples", "target prospect on the page");
    }

    static Verdict startup(Figures f, String id) {
        return new Verdict(f).require(id + ".ms", v -> v < STARTUP_MS, "ms to ready");
    }

    static Verdict memory(Figures f, String id) {
        return new Verdict(f).require(id + ".rssAfterMb", v -> v < RSS_MB, "RSS MB after load");
    }

    static Verdict initialSync(Figures f) {
        Optional<Double> heapMax = f.num("sync.commerce.heapMaxMb")
                .flatMap(c -> f.num("sync.sales.heapMaxMb").map(s -> Math.max(c, s)));
        return new Verdict(f)
                .require(f.flag("sync.complete"), "not all accounts in Sales within the time bound")
                .require("DONE".equals(f.text("sync.state", "")), "console not DONE")
                .require("sync.rate", v -> v >= SYNC_RATE, "records/s")
                .require(heapMax.isPresent(), "heap max: not measured")
                .require(heapMax.orElse(0.0) < SYNC_HEAP_MB, "heap max MB: " + heapMax.map(Report::fmt).orElse("?"))
                .require("sync.partialReadings", v -> v > 0, "progress readings part-way");
    }

    /** Ours against the peer, both measured in this run, and both complete. */
    static Verdict peer(Figures f) {
        Verdict v = new Verdict(f)
                .requireEqual("peer.latency.outside.samples", "peer.latency.ok", "peer: leads seen committed")
                .require(f.flag("peer.drain.complete"), "peer: backlog not delivered within the time bound")
                .requireEqual("peer.drain.leads", "peer.drain.events", "peer: leads")
                .requireEqual("peer.drain.inboxRows", "peer.drain.events", "peer: inbox rows")
                .require("peer.drain.delivery.failed", x -> x == 0, "peer: failed events")
                .requireEqual("replication.outside.samples", "replication.ok", "ours: leads seen committed")
                .require(f.flag("drain.complete"), "ours: backlog not drained within the time bound")
                .requireEqual("drain.leads", "drain.events", "ours: leads");
        Optional<Double> ours = f.num("replication.outside.p99");
        Optional<Double> its = f.num("peer.latency.outside.p99");
        v.require(ours.isPresent() && its.isPresent() && ours.get() <= its.get(),
                "p99 ours " + ours.map(Report::fmt).orElse("?") + " ms > its " + its.map(Report::fmt).orElse("?") + " ms");
        Optional<Double> ourRate = f.num("drain.rate");
        Optional<Double> itsRate = f.num("peer.drain.rate");
        v.require(ourRate.isPresent() && itsRate.isPresent() && ourRate.get() >= itsRate.get(),
                "drain ours " + ourRate.map(Report::fmt).orElse("?") + "/s < its " + itsRate.map(Report::fmt).orElse("?")
                        + "/s");
        return v;
    }
}
