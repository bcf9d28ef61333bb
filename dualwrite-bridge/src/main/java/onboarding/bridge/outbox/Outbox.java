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
