package onboarding.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import onboarding.model.EventEnvelope;
import onboarding.model.Origin;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** A Debezium change event of dualwrite_outbox (as the PostgreSQL connector types the columns) as the relay's envelope. */
class BenchOutboxRowsTest {

    static final Schema ROW = SchemaBuilder.struct()
            .field("id", Schema.INT64_SCHEMA)
            .field("event_id", Schema.STRING_SCHEMA) // io.debezium.data.Uuid
            .field("table_map", Schema.STRING_SCHEMA)
            .field("aggregate_type", Schema.STRING_SCHEMA)
            .field("aggregate_id", Schema.STRING_SCHEMA)
            .field("seq", Schema.INT64_SCHEMA)
            .field("event_type", Schema.STRING_SCHEMA)
            .field("schema_version", Schema.INT32_SCHEMA)
            .field("origin", Schema.STRING_SCHEMA)
            .field("correlation_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("payload", Schema.STRING_SCHEMA) // io.debezium.data.Json
            .field("status", Schema.STRING_SCHEMA)
            .field("created_at", Schema.STRING_SCHEMA) // io.debezium.time.ZonedTimestamp
            .optional().build();
    static final Schema ENVELOPE = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("after", ROW).build();

    static Struct change(String op, long id) {
        Struct after = new Struct(ROW).put("id", id).put("event_id", "0b6f3c3e-1f0e-4a53-9a57-6d1c1f1e2a01")
                .put("table_map", "prospects-to-leads").put("aggregate_type", "prospect").put("aggregate_id", "42")
                .put("seq", 1L).put("event_type", "prospect.submitted").put("schema_version", 1)
                .put("origin", "COMMERCE").put("correlation_id", "c-1")
                .put("payload", "{\"prospectId\":42,\"prospectNumber\":\"PR-000042\"}").put("status", "PENDING")
                .put("created_at", "2026-12-02T00:12:34.567891Z");
        return new Struct(ENVELOPE).put("op", op).put("after", after);
    }

    @Test
    void anInsertedRowIsTheRelaysEnvelope() throws Exception {
        OutboxRows.Row row = OutboxRows.inserted(change("c", 7)).orElseThrow();
        assertEquals(7, row.id());
        EventEnvelope e = row.envelope();
        assertEquals(UUID.fromString("0b6f3c3e-1f0e-4a53-9a57-6d1c1f1e2a01"), e.eventId());
        assertEquals("prospects-to-leads", e.tableMap());
        assertEquals("prospect", e.aggregateType());
        assertEquals("42", e.aggregateId());
        assertEquals(1, e.sequence());
        assertEquals("prospect.submitted", e.eventType());
        assertEquals(1, e.schemaVersion());
        assertEquals(Origin.COMMERCE, e.origin());
        assertEquals("c-1", e.correlationId());
        assertEquals(Instant.parse("2026-12-02T00:12:34.567891Z"), e.occurredAt());
        assertEquals("PR-000042", e.payload().path("prospectNumber").asText());
    }

    @Test
    void updatesDeletesAndTombstonesAreNoEvents() throws Exception {
        assertTrue(OutboxRows.inserted(change("u", 7)).isEmpty(), "the relay's status marks");
        assertTrue(OutboxRows.inserted(change("r", 7)).isEmpty(), "a snapshot read is not a new event");
        assertTrue(OutboxRows.inserted(null).isEmpty());
        assertTrue(OutboxRows.inserted(new Struct(ENVELOPE).put("op", "d")).isEmpty());
    }
}
