package onboarding.bench.peer;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The peer measured beside our relay: what a team would pick instead of it, Debezium's outbox pattern. Debezium
 * Embedded with its PostgreSQL connector (pgoutput, a replication slot and a publication of {@code dualwrite_outbox}
 * in a cluster the bench owns) reads the outbox rows Commerce commits (Commerce's relay is off) and this consumer
 * delivers each batch Debezium hands it to Sales' inbox, in the relay's envelope and signed like it
 * ({@link InboxClient}), then lets Debezium commit its offset. One batch at a time, in commit order: Debezium's model.
 * What it does not do, and our relay does: tell Commerce the result (delivered status, link, timeline note, the
 * prospect's replication status), retry with backoff per event, dead events, paused maps.
 */
public final class DebeziumPeer implements AutoCloseable {

    /** Connection and tuning of the connector. */
    public record Settings(String host, int port, String database, String user, String password, String slot,
            String publication, Path offsets, int batchSize, long pollMillis) {
    }

    /** What was delivered so far (outbox ids at or above {@code countFrom} are counted apart: a backlog). */
    public static final class Counters {
        public final AtomicLong batches = new AtomicLong();
        public final AtomicLong events = new AtomicLong();
        public final AtomicLong applied = new AtomicLong();
        public final AtomicLong duplicates = new AtomicLong();
        public final AtomicLong failed = new AtomicLong();
        public final AtomicLong deliveryErrors = new AtomicLong();
        public final AtomicLong counted = new AtomicLong();
        public final AtomicLong firstBatchNanos = new AtomicLong();
        public final AtomicLong lastCountedAckNanos = new AtomicLong();
        volatile long countFrom = Long.MAX_VALUE;
        public final AtomicReference<String> lastError = new AtomicReference<>();
    }

    private static final int DELIVERY_ATTEMPTS = 5;

    private final Settings settings;
    private final InboxClient inbox;
    private final Counters counters = new Counters();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "debezium-peer");
        t.setDaemon(true);
        return t;
    });
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    public DebeziumPeer(Settings settings, InboxClient inbox) {
        this.settings = settings;
        this.inbox = inbox;
    }

    public Counters counters() {
        return counters;
    }

    /** Counts apart the events of outbox rows with an id at or above {@code outboxId} (a backlog written before). */
    public void countFrom(long outboxId) {
        counters.countFrom = outboxId;
    }

    /** The connector's configuration (see the README's Performance section for why each setting). */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("name", "bench-peer");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", settings.offsets().toString());
        p.setProperty("offset.flush.interval.ms", "0");
        p.setProperty("database.hostname", settings.host());
        p.setProperty("database.port", Integer.toString(settings.port()));
        p.setProperty("database.user", settings.user());
        p.setProperty("database.password", settings.password());
        p.setProperty("database.dbname", settings.database());
        p.setProperty("topic.prefix", "peer");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", settings.slot());
        p.setProperty("publication.name", settings.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.dualwrite_outbox");
        // only what is committed after the slot exists: no snapshot of the rows already there
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("max.batch.size", Integer.toString(settings.batchSize()));
        p.setProperty("max.queue.size", Integer.toString(Math.max(8192, settings.batchSize() * 4)));
        // the default 500 ms would add up to half a second to each delivery while the outbox is quiet
        p.setProperty("poll.interval.ms", Long.toString(settings.pollMillis()));
        p.setProperty("tombstones.on.delete", "false");
        return p;
    }

    /** Starts the engine; returns once its task runs (or throws after {@code timeout}). */
    public void start(Duration timeout) throws InterruptedException {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties())
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        started.countDown();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(message + (error == null ? "" : ": " + error));
                        started.countDown();
                    }
                })
                .notifying(this::handleBatch)
                .build();
        executor.execute(engine);
        if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Debezium's task did not start within " + timeout);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Debezium did not start: " + failure.get());
        }
    }

    /** Why the engine stopped on its own, if it did. */
    public String failure() {
        return failure.get();
    }

    private void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        long begin = System.nanoTime();
        counters.firstBatchNanos.compareAndSet(0, begin);
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        List<Long> ids = new ArrayList<>(records.size());
        for (RecordChangeEvent<SourceRecord> record : records) {
            try {
                OutboxRows.inserted((Struct) record.record().value()).ifPresent(row -> {
                    envelopes.add(row.envelope());
                    ids.add(row.id());
                });
            } catch (IOException | RuntimeException e) {
                counters.failed.incrementAndGet();
                counters.lastError.set("unreadable change event: " + e);
            }
        }
        if (!envelopes.isEmpty()) {
            deliver(envelopes, ids);
        }
        for (RecordChangeEvent<SourceRecord> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    /** One POST per batch; on a transport error the same batch again (the inbox applies an event once). */
    private void deliver(List<EventEnvelope> envelopes, List<Long> ids) throws InterruptedException {
        InboxResponse response = null;
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS && response == null; attempt++) {
            try {
                response = inbox.send(envelopes);
            } catch (IOException e) {
                counters.deliveryErrors.incrementAndGet();
                counters.lastError.set(e.getMessage());
                Thread.sleep(200L * attempt);
            }
        }
        counters.batches.incrementAndGet();
        counters.events.addAndGet(envelopes.size());
        long now = System.nanoTime();
        for (int i = 0; i < envelopes.size(); i++) {
            InboxResult result = response == null ? null : response.results().get(i);
            if (result == null || !result.delivered()) {
                counters.failed.incrementAndGet();
                if (result != null) {
                    counters.lastError.set(result.error());
                }
                continue;
            }
            if (result.outcome() == InboxResult.Outcome.APPLIED) {
                counters.applied.incrementAndGet();
            } else {
                counters.duplicates.incrementAndGet();
            }
            if (ids.get(i) >= counters.countFrom) {
                counters.counted.incrementAndGet();
                counters.lastCountedAckNanos.set(now);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (engine != null) {
            engine.close();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
