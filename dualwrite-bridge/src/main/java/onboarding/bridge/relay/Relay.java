package onboarding.bridge.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import onboarding.bridge.DeferredWrites;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.Sql;
import onboarding.bridge.Worker;
import onboarding.bridge.console.MapMinutes;
import onboarding.bridge.link.RecordLinks;
import onboarding.bridge.outbox.OutboxEvent;
import onboarding.bridge.timeline.TimelineAnnotator;
import onboarding.bridge.transport.EventTransport;
import onboarding.bridge.transport.TransportException;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;
import onboarding.model.Origin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to the peer. Woken right after a business commit and by a periodic sweep; claims
 * batches with {@code FOR UPDATE SKIP LOCKED} under a lease so several processes can relay one database;
 * keeps per-record order (an event waits while an earlier one of its record is undelivered, dead included);
 * retries failures with capped exponential backoff and jitter; after the configured attempts an event the
 * peer keeps refusing is DEAD until an operator replays it (while the peer is unreachable, events just wait).
 * Every failed attempt is also appended to {@code dualwrite_error}, which the alert rules count.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);

    /**
     * The oldest due events (up to a batch), skipping paused maps and every event whose record still has an earlier
     * one undelivered. Its plan must not depend on the outbox's statistics, which lag far behind while an initial
     * sync adds a million events in a minute: planned on stale ones (measured, 200,000-record sync) it sorted every
     * waiting event and joined each with a scan of all open ones (5 s per claim instead of 9 ms). So the earlier-event
     * check is a per-row probe of the open-per-record index ({@code OFFSET 0} keeps PostgreSQL from turning it into
     * a join), and {@link #claim} turns off bitmap scans and sorts: the events are read in id order from the
     * claimable index and the scan stops at the batch's size.
     */
    private static final String CLAIM = """
            UPDATE dualwrite_outbox o
               SET status = 'INFLIGHT', attempts = o.attempts + 1, lease_until = now() + (? * interval '1 millisecond'),
                   lease_owner = ?
             WHERE o.id IN (
                   SELECT c.id FROM dualwrite_outbox c
                    WHERE ((c.status = 'PENDING' AND c.next_attempt_at <= now())
                           OR (c.status = 'INFLIGHT' AND c.lease_until < now()))
                      AND NOT EXISTS (SELECT 1 FROM dualwrite_map m WHERE m.name = c.table_map AND m.state <> 'RUNNING')
                      AND NOT EXISTS (SELECT 1 FROM dualwrite_outbox p
                                       WHERE p.aggregate_type = c.aggregate_type AND p.aggregate_id = c.aggregate_id
                                         AND p.seq < c.seq AND p.status NOT IN ('DELIVERED', 'SKIPPED')
                                      OFFSET 0)
                    ORDER BY c.id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.event_id, o.table_map, o.aggregate_type, o.aggregate_id, o.seq, o.event_type,
                      o.schema_version, o.origin, o.correlation_id, o.payload::text, o.attempts, o.created_at""";

    private final DataSource dataSource;
    private final DualWriteConfig config;
    private final Instance<EventTransport> transport;
    private final Instance<TimelineAnnotator> annotators;
    private final RecordLinks links;
    /**
     * Delivery lanes: the first is woken by every commit; a lane that claims a full batch wakes the next, so
     * a backlog is delivered by several batches in flight at once (the claim keeps per-record order: an
     * event is never claimed while an earlier one of its record is in flight).
     */
    private final Worker[] workers;
    /** This process's name among the relays of its database (owner of the leases it takes). */
    private final String instance;
    private final MapMinutes minutes;
    private final AtomicLong backlog = new AtomicLong();
    private static final long BACKLOG_COUNT_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();
    private long backlogCountedAt = System.nanoTime() - BACKLOG_COUNT_INTERVAL_NANOS;
    private volatile boolean stopping;
    /** Set when the last delivery could not reach the peer; the sweep then probes it. */
    private volatile boolean peerDown;
    private final Counter delivered;
    private final Counter retried;
    private final Counter dead;
    private final Timer roundTrip;

    Relay(DataSource dataSource, DualWriteConfig config, Instance<EventTransport> transport,
            Instance<TimelineAnnotator> annotators, RecordLinks links, MapMinutes minutes, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.dataSource = dataSource;
        this.minutes = minutes;
        this.instance = config.relay().instance().orElseGet(() -> hostName() + ":" + httpPort);
        this.config = config;
        this.transport = transport;
        this.annotators = annotators;
        this.links = links;
        this.workers = new Worker[Math.max(1, config.relay().workers())];
        for (int i = 0; i < workers.length; i++) {
            int lane = i;
            workers[i] = new Worker("dualwrite-relay-" + (i + 1), () -> drain(lane));
        }
        this.delivered = metrics.counter("dualwrite.events.delivered");
        this.retried = metrics.counter("dualwrite.events.retried");
        this.dead = metrics.counter("dualwrite.events.dead");
        this.roundTrip = Timer.builder("dualwrite.delivery.latency")
                .description("outbox commit to acknowledgement by the peer")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(metrics);
        metrics.gauge("dualwrite.outbox.backlog", backlog);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            releaseOwnLeases();
            for (Worker worker : workers) {
                worker.start();
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        for (Worker worker : workers) {
            worker.stop();
        }
    }

    /** Asks the relay to deliver what is due; cheap, never blocks, coalesces concurrent wake-ups. */
    public void wake() {
        workers[0].wake();
    }

    @Scheduled(every = "${dualwrite.relay.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!workers[0].running()) {
            return;
        }
        long now = System.nanoTime();
        if (now - backlogCountedAt >= BACKLOG_COUNT_INTERVAL_NANOS) {
            // a count of a million waiting events takes a while: the gauge is refreshed every 10 s, not every sweep
            backlogCountedAt = now;
            backlog.set(countBacklog());
        }
        if (peerDown && transport.get().reachable()) {
            LOG.infof("%s answers again: delivering the backlog now", config.peer().name());
            peerDown = false;
            retryWaitingNow();
        }
        wake();
    }

    public long backlog() {
        return backlog.get();
    }

    /** Delivers batches until nothing is due. Returns the number of events handed to the peer. */
    public int drain() {
        return drain(0);
    }

    private int drain(int lane) {
        int total = 0;
        // while the peer is known to be down, commits do not trigger doomed attempts: the sweep probes the
        // peer every second and, once it answers, delivers everything at once
        while (!stopping && !peerDown) {
            List<OutboxEvent> batch = claim();
            if (batch.isEmpty()) {
                break;
            }
            if (batch.size() == config.relay().batchSize() && lane + 1 < workers.length) {
                workers[lane + 1].wake(); // more is waiting: put another batch in flight
            }
            deliver(batch);
            total += batch.size();
        }
        return total;
    }

    List<OutboxEvent> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement settings = connection.createStatement();
                    PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                settings.execute("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off");
                claim.setLong(1, config.relay().lease().toMillis());
                claim.setString(2, instance);
                claim.setInt(3, config.relay().batchSize());
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        events.add(new OutboxEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8),
                                Origin.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getInt(12),
                                rs.getTimestamp(13).toInstant()));
                    }
                }
                events.sort((a, b) -> Long.compare(a.id(), b.id()));
                return events;
            }
        });
    }

    private void deliver(List<OutboxEvent> batch) {
        InboxResponse response;
        try {
            response = transport.get().send(batch.stream().map(OutboxEvent::toEnvelope).toList());
        } catch (TransportException e) {
            peerDown = true;
            LOG.warnf("delivery of %d events failed: %s", batch.size(), e.getMessage());
            Map<UUID, InboxResult> none = new HashMap<>();
            batch.forEach(ev -> none.put(ev.eventId(),
                    new InboxResult(ev.eventId(), InboxResult.Outcome.FAILED, null, null, e.getMessage())));
            complete(batch, none, true);
            return;
        }
        peerDown = false;
        Map<UUID, InboxResult> results = new HashMap<>();
        response.results().forEach(r -> results.put(r.eventId(), r));
        complete(batch, results, false);
    }

    /**
     * Records the outcome of a delivery. When the peer could not be reached (or refused the whole batch),
     * the events wait on with backoff however long the outage lasts: only an event the peer itself
     * answered FAILED for can become DEAD, so nothing is given up during an outage.
     */
    private void complete(List<OutboxEvent> batch, Map<UUID, InboxResult> results, boolean peerUnreachable) {
        Instant now = Instant.now();
        Map<String, Integer> deliveredPerMap = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    // every delivered event of the batch in one statement
                    PreparedStatement done = connection.prepareStatement("""
                            UPDATE dualwrite_outbox o SET status = 'DELIVERED', delivered_at = now(), lease_until = NULL,
                                   last_error = NULL, remote_id = d.remote_id, remote_label = d.remote_label
                              FROM unnest(?::bigint[], ?::text[], ?::text[]) AS d (id, remote_id, remote_label)
                             WHERE o.id = d.id AND o.status = 'INFLIGHT'""");
                    PreparedStatement failed = connection.prepareStatement("""
                            UPDATE dualwrite_outbox SET status = ?, lease_until = NULL, last_error = ?,
                                   next_attempt_at = now() + (? * interval '1 millisecond')
                             WHERE id = ? AND status = 'INFLIGHT'""");
                    // the error log the alert rules count (append-only, pruned by the alert evaluator)
                    PreparedStatement error = connection.prepareStatement(
                            "INSERT INTO dualwrite_error (table_map, event_id, record, message) VALUES (?, ?, ?, ?)")) {
                List<OutboxEvent> deliveredEvents = new ArrayList<>();
                // links, timeline entries and the annotators' marks go with the batch, not one statement per event
                DeferredWrites.collect(connection, () -> {
                    for (OutboxEvent event : batch) {
                        InboxResult result = results.get(event.eventId());
                        if (result == null) {
                            result = new InboxResult(event.eventId(), InboxResult.Outcome.FAILED, null, null,
                                    "the peer did not answer for this event");
                        }
                        if (result.delivered()) {
                            deliveredEvents.add(event);
                            if (result.remoteId() != null) {
                                links.link(connection, event.tableMap(), event.aggregateId(), result.remoteId(),
                                        result.remoteLabel());
                            }
                            for (TimelineAnnotator annotator : annotators) {
                                annotator.outbound(event, result);
                            }
                            delivered.increment();
                            deliveredPerMap.merge(event.tableMap(), 1, Integer::sum);
                            roundTrip.record(Duration.between(event.createdAt(), now));
                        } else {
                            boolean isDead = !peerUnreachable && event.attempts() >= config.relay().maxAttempts();
                            failed.setString(1, isDead ? "DEAD" : "PENDING");
                            failed.setString(2, result.error());
                            failed.setLong(3, Backoff.delay(event.attempts(), config.relay().backoffBase(),
                                    config.relay().backoffMax()).toMillis());
                            failed.setLong(4, event.id());
                            failed.addBatch();
                            error.setString(1, event.tableMap());
                            error.setObject(2, event.eventId());
                            error.setString(3, event.aggregateType() + " " + event.aggregateId());
                            error.setString(4, result.error());
                            error.addBatch();
                            if (isDead) {
                                dead.increment();
                                LOG.errorf("event %s (%s of %s %s) is DEAD after %d attempts: %s", event.eventId(),
                                        event.eventType(), event.aggregateType(), event.aggregateId(), event.attempts(),
                                        result.error());
                                for (TimelineAnnotator annotator : annotators) {
                                    annotator.dead(event, result.error());
                                }
                            } else {
                                retried.increment();
                            }
                        }
                    }
                    return null;
                });
                if (!deliveredEvents.isEmpty()) {
                    done.setArray(1, Sql.column(connection, "int8", deliveredEvents, OutboxEvent::id));
                    done.setArray(2, Sql.column(connection, "text", deliveredEvents,
                            e -> results.get(e.eventId()).remoteId()));
                    done.setArray(3, Sql.column(connection, "text", deliveredEvents,
                            e -> results.get(e.eventId()).remoteLabel()));
                    done.executeUpdate();
                }
                failed.executeBatch();
                error.executeBatch();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not record the delivery outcome", e);
            }
        });
        minutes.add(MapMinutes.DELIVERED, deliveredPerMap);
    }

    /**
     * Events this relay instance had in flight when its previous process died: nobody is delivering them any
     * more, so they are due again now rather than when their lease expires (the peer applies each event once).
     */
    private void releaseOwnLeases() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement("""
                        UPDATE dualwrite_outbox SET status = 'PENDING', lease_until = NULL, next_attempt_at = now()
                         WHERE status = 'INFLIGHT' AND lease_owner = ?""")) {
            release.setString(1, instance);
            int released = release.executeUpdate();
            if (released > 0) {
                LOG.infof("%d events were in flight when relay %s stopped: due again now", released, instance);
            }
        } catch (SQLException e) {
            LOG.warn("could not release the leases of the previous process; they expire on their own", e);
        }
    }

    /** After an outage, events waiting out their backoff need not wait any longer. */
    private void retryWaitingNow() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement now = connection.prepareStatement(
                        "UPDATE dualwrite_outbox SET next_attempt_at = now() WHERE status = 'PENDING' AND next_attempt_at > now()")) {
            now.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("could not reschedule waiting events", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private long countBacklog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM dualwrite_outbox WHERE status IN ('PENDING', 'INFLIGHT')");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            LOG.debug("backlog not counted", e);
            return backlog.get();
        }
    }
}
