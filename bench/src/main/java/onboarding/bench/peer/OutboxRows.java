package onboarding.bench.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import onboarding.model.EventEnvelope;
import onboarding.model.Json;
import onboarding.model.Origin;
import org.apache.kafka.connect.data.Struct;

/**
 * A Debezium change event of {@code dualwrite_outbox} as the relay's envelope: what Debezium's outbox event router
 * does for an outbox table, written for our column names (event id, table map, aggregate, per-record sequence, type,
 * schema version, origin, correlation id, created at, payload). Only inserts are events; updates of a row (the relay's
 * status marks, off while the peer runs) and deletes are not.
 */
final class OutboxRows {

    /** One inserted outbox row: its id (to count a backlog) and its envelope. */
    record Row(long id, EventEnvelope envelope) {
    }

    private OutboxRows() {
    }

    /** The row a change event inserted, or empty for any other change (update, delete, tombstone). */
    static Optional<Row> inserted(Struct value) throws JsonProcessingException {
        if (value == null || !"c".equals(value.getString("op"))) {
            return Optional.empty();
        }
        Struct after = value.getStruct("after");
        if (after == null) {
            return Optional.empty();
        }
        EventEnvelope envelope = new EventEnvelope(UUID.fromString(after.getString("event_id")),
                after.getString("table_map"), after.getString("aggregate_type"), after.getString("aggregate_id"),
                after.getInt64("seq"), after.getString("event_type"), after.getInt32("schema_version"),
                Origin.valueOf(after.getString("origin")), after.getString("correlation_id"),
                Instant.parse(after.getString("created_at")), Json.mapper().readTree(after.getString("payload")));
        return Optional.of(new Row(after.getInt64("id"), envelope));
    }
}
