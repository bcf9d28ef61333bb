package onboarding.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import onboarding.bench.peer.DebeziumPeer;
import onboarding.bench.peer.InboxClient;

/**
 * The peer's two measurements ({@code peer-latency}, {@code peer-drain}), each with Debezium started for it and
 * stopped after it, so that {@code bench/run.sh} writes the backlog in between while nothing reads the outbox.
 */
final class PeerRun {

    private PeerRun() {
    }

    static DebeziumPeer peer(Options options) {
        String variable = options.string("peer-password-env");
        String password = System.getenv(variable);
        String secrets = System.getenv(options.string("secret-env", "DUALWRITE_SECRETS"));
        if (password == null || secrets == null) {
            throw new IllegalArgumentException("set " + variable + " and the bridge's key (--secret-env)");
        }
        String host = options.string("peer-host", "127.0.0.1");
        if (!host.equals("127.0.0.1")) {
            throw new IllegalArgumentException("the peer's database is on 127.0.0.1 only, got " + host);
        }
        return new DebeziumPeer(new DebeziumPeer.Settings(host, options.integer("peer-port", 0),
                options.string("peer-db"), options.string("peer-user"), password,
                options.string("slot", "bench_peer"), options.string("publication", "bench_outbox"),
                Path.of(options.string("offsets")), options.integer("batch-size", 200),
                options.integer("poll-ms", 1)), new InboxClient(options.loopbackUrl("sales-url"), secrets));
    }

    /**
     * The same open-loop signups as scenario 2 against the Commerce whose outbox Debezium reads, with the same
     * outside measure (answer → lead committed, {@link LeadCommits}); a warm-up first, whose leads are awaited.
     */
    static void latency(Options options) throws Exception {
        Fragment fragment = new Fragment();
        long started = System.nanoTime();
        try (DebeziumPeer peer = peer(options)) {
            peer.start(Duration.ofSeconds(options.integer("start-seconds", 120)));
            fragment.put("peer.engineStartMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            int warmup = options.integer("warmup", 0);
            if (warmup > 0) {
                Fragment warm = Bench.openLoop(options.with("count", Integer.toString(warmup))
                        .with("run-id", options.string("run-id", "peer") + "w"), "peer.warmup", null);
                fragment.put("peer.warmup.ok", warm.values().get("peer.warmup.ok"))
                        .put("peer.warmup.outside.missing", warm.values().get("peer.warmup.outside.missing"));
            }
            fragment.values().putAll(Bench.openLoop(options, "peer.latency", null).values());
            counters(fragment, peer, "peer.latency.delivery");
        }
        fragment.appendTo(options.path("out"));
    }

    /**
     * The backlog drain: Debezium started on a slot whose position is before a backlog of {@code --events} outbox rows
     * (ids from {@code --first-outbox-id}); done when Sales acknowledged every one of them, or after {@code --seconds}.
     */
    static void drain(Options options) throws Exception {
        Fragment fragment = new Fragment();
        long events = options.integer("events", 0);
        long startedAt = System.nanoTime();
        try (DebeziumPeer peer = peer(options)) {
            peer.countFrom(Long.parseLong(options.string("first-outbox-id")));
            peer.start(Duration.ofSeconds(options.integer("start-seconds", 120)));
            long deadline = startedAt + TimeUnit.SECONDS.toNanos(options.integer("seconds", 300));
            DebeziumPeer.Counters c = peer.counters();
            while (c.counted.get() < events && System.nanoTime() < deadline && peer.failure() == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            long first = c.firstBatchNanos.get();
            long last = c.lastCountedAckNanos.get();
            fragment.put("peer.drain.events", events)
                    .put("peer.drain.delivered", c.counted.get())
                    .put("peer.drain.complete", c.counted.get() >= events)
                    .put("peer.drain.startToFirstBatchMs", first == 0 ? "" : TimeUnit.NANOSECONDS.toMillis(first - startedAt));
            if (first > 0 && last > first) {
                double seconds = (last - first) / 1e9;
                fragment.put("peer.drain.seconds", seconds)
                        .put("peer.drain.rate", c.counted.get() / seconds)
                        .put("peer.drain.rateFromStart", c.counted.get() / ((last - startedAt) / 1e9));
            }
            if (peer.failure() != null) {
                fragment.put("peer.drain.engineFailure", peer.failure());
            }
            counters(fragment, peer, "peer.drain.delivery");
        }
        fragment.appendTo(options.path("out"));
    }

    private static void counters(Fragment fragment, DebeziumPeer peer, String prefix) {
        DebeziumPeer.Counters c = peer.counters();
        fragment.put(prefix + ".batches", c.batches.get()).put(prefix + ".events", c.events.get())
                .put(prefix + ".applied", c.applied.get()).put(prefix + ".duplicates", c.duplicates.get())
                .put(prefix + ".failed", c.failed.get()).put(prefix + ".errors", c.deliveryErrors.get());
        if (c.lastError.get() != null) {
            fragment.put(prefix + ".lastError", c.lastError.get());
        }
    }
}
