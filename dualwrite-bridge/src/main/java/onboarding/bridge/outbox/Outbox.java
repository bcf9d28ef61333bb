package onboarding.bridge.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import onboarding.bridge.AfterCommit;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.inbox.InboundContext;
import onboarding.bridge.relay.Relay;
import onboarding.bridge.sync.SyncSource;
import onboarding.model.EventTypes;
import onboarding.model.Json;
import org.jboss.logging.Logger;

/**
 * Writes outgoing events in the caller's business transaction (transactional outbox). Nothing is
 * sent here: the relay is woken once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final Object WAKE_KEY = new Object();

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Relay relay;
    private final DualWriteConfig config;
    private final Counter written;
    private final Counter suppressed;

    Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, Relay relay,
            DualWriteConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.config = config;
        this.written = metrics.counter("dualwrite.events.written");
        this.suppressed = metrics.counter("dualwrite.events.suppressed");
    }

    /**
     * Records an event for the peer in the current transaction.
     *
     * @return the event id, or empty when the change is itself being applied from the peer (no echo)
     * @throws IllegalStateException when called outside a transaction or with a payload that does not
     *                               match the event type's registered schema
     */
    public Optional<UUID> publish(String tableMap, String aggregateType, String aggregateId, String eventType,
            int schemaVersion, Object payload, String correlationId) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an outbox event must be written inside the business transaction");
        }
        Class<?> expected = EventTypes.payloadType(eventType, schemaVersion)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + eventType + " v" + schemaVersion));
        if (!expected.isInstance(payload)) {
            throw new IllegalStateException(eventType + " v" + schemaVersion + " carries " + expected.getSimpleName());
        }
        if (InboundContext.isApplying()) {
            suppressed.increment();
            LOG.debugf("not echoing %s of %s %s: the change came from the peer", eventType, aggregateType, aggregateId);
            return Optional.empty();
        }
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            long seq = nextSequence(connection, aggregateType, aggregateId);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO dualwrite_outbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type,
                        schema_version, origin, correlation_id, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                insert.setObject(1, eventId);
                insert.setString(2, tableMap);
                insert.setString(3, aggregateType);
                insert.setString(4, aggregateId);
                insert.setLong(5, seq);
                insert.setString(6, eventType);
                insert.setInt(7, schemaVersion);
                insert.setString(8, config.origin().name());
                insert.setString(9, correlationId);
                insert.setString(10, Json.mapper().writeValueAsString(payload));
                insert.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write the outbox event " + eventType, e);
        }
        written.increment();
        wakeRelayAfterCommit();
        return Optional.of(eventId);
    }

    /**
     * Records, in the current transaction and with one statement, one event per row of {@code select} (set-based
     * writing for initial syncs). The select returns the columns {@code key bigint} (the aggregate id, distinct),
     * {@code correlation_id text} and {@code payload jsonb} (built with {@code jsonb_build_object} in the shape of
     * the event type's payload record); it is bound with {@code args} and must bound its own size (LIMIT).
     * Each row takes the record's next sequence number, as {@link #publish} does.
     *
     * @return how many events were written and the largest key among them
     */
    public SyncSource.Batch publishSelected(String tableMap, String aggregateType,
            String eventType, int schemaVersion, String select, Object... args) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an outbox event must be written inside the business transaction");
        }
        if (EventTypes.payloadType(eventType, schemaVersion).isEmpty()) {
            throw new IllegalStateException("unknown event type " + eventType + " v" + schemaVersion);
        }
        String sql = """
                WITH src AS MATERIALIZED (%s),
                seq AS (
                    INSERT INTO dualwrite_sequence (aggregate_type, aggregate_id, last_seq)
                    SELECT ?, key::text, 1 FROM src
                    ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_seq = dualwrite_sequence.last_seq + 1
                    RETURNING aggregate_id, last_seq),
                ins AS (
                    INSERT INTO dualwrite_outbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type,
                        schema_version, origin, correlation_id, payload)
                    SELECT gen_random_uuid(), ?, ?, seq.aggregate_id, seq.last_seq, ?, ?, ?, src.correlation_id,
                           src.payload
                      FROM src JOIN seq ON seq.aggregate_id = src.key::text
                     ORDER BY src.key
                    RETURNING 1)
                SELECT (SELECT count(*) FROM ins), (SELECT max(key) FROM src)""".formatted(select);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object arg : args) {
                insert.setObject(i++, arg);
            }
            insert.setString(i++, aggregateType);
            insert.setString(i++, tableMap);
            insert.setString(i++, aggregateType);
            insert.setString(i++, eventType);
            insert.setInt(i++, schemaVersion);
            insert.setString(i, config.origin().name());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                long lastKey = rs.getLong(2);
                if (count == 0) {
                    return SyncSource.Batch.NONE;
                }
                written.increment(count);
                wakeRelayAfterCommit();
                return new SyncSource.Batch(count, lastKey);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox events " + eventType, e);
        }
    }

    private static long nextSequence(Connection connection, String aggregateType, String aggregateId)
            throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("""
                INSERT INTO dualwrite_sequence (aggregate_type, aggregate_id, last_seq) VALUES (?, ?, 1)
                ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_seq = dualwrite_sequence.last_seq + 1
                RETURNING last_seq""")) {
            next.setString(1, aggregateType);
            next.setString(2, aggregateId);
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.once(transactions, WAKE_KEY, relay::wake);
    }
}
