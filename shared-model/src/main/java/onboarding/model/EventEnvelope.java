package onboarding.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One replicated change, as it travels between the apps (Debezium outbox style envelope).
 *
 * @param eventId       unique id of the event; the receiving inbox is keyed by it
 * @param tableMap      the named table map the event belongs to (e.g. {@code prospects-to-leads})
 * @param aggregateType the kind of record that changed (e.g. {@code prospect})
 * @param aggregateId   the id of that record on the sending side
 * @param sequence      per-record sequence number (1, 2, 3 ...), delivery order per record
 * @param eventType     what happened (see {@link EventTypes})
 * @param schemaVersion version of the payload schema
 * @param origin        the app that produced the event
 * @param correlationId follows one partner from signup to first order across both apps
 * @param occurredAt    commit time of the business change on the sending side
 * @param payload       the versioned payload record, as JSON
 */
public record EventEnvelope(
        UUID eventId,
        String tableMap,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventType,
        int schemaVersion,
        Origin origin,
        String correlationId,
        Instant occurredAt,
        JsonNode payload) {
}
