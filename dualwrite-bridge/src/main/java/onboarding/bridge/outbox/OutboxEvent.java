package onboarding.bridge.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.UUID;
import onboarding.model.EventEnvelope;
import onboarding.model.Json;
import onboarding.model.Origin;

/** One row of {@code dualwrite_outbox} as the relay sees it. */
public record OutboxEvent(
        long id,
        UUID eventId,
        String tableMap,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventType,
        int schemaVersion,
        Origin origin,
        String correlationId,
        String payloadJson,
        int attempts,
        Instant createdAt) {

    public EventEnvelope toEnvelope() {
        try {
            return new EventEnvelope(eventId, tableMap, aggregateType, aggregateId, sequence, eventType,
                    schemaVersion, origin, correlationId, createdAt, Json.mapper().readTree(payloadJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + eventId + " has a malformed payload", e);
        }
    }
}
