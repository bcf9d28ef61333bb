package onboarding.commerce.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import onboarding.bridge.transport.Signatures;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxBatch;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;
import onboarding.model.Json;
import onboarding.model.Origin;

/** Plays the Sales app: posts signed events to Commerce's inbox, as the Sales relay does. */
public final class Inbound {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Inbound() {
    }

    public static EventEnvelope event(String tableMap, String aggregateType, long aggregateId, String type,
            Object payload) {
        return new EventEnvelope(UUID.randomUUID(), tableMap, aggregateType, Long.toString(aggregateId),
                SEQUENCE.incrementAndGet(), type, 1, Origin.SALES, "test-" + aggregateId, Instant.now(),
                Json.mapper().valueToTree(payload));
    }

    public static InboxResult deliver(Signatures signatures, EventEnvelope event) {
        return deliverAll(signatures, List.of(event)).get(0);
    }

    /** One signed batch, as the Sales relay sends it; the answers in the order of {@code events}. */
    public static List<InboxResult> deliverAll(Signatures signatures, List<EventEnvelope> events) {
        try {
            String body = Json.mapper().writeValueAsString(new InboxBatch(events));
            long now = Instant.now().getEpochSecond();
            Response response = given().contentType("application/json")
                    .header(Signatures.TIMESTAMP_HEADER, Long.toString(now))
                    .header(Signatures.SIGNATURE_HEADER, signatures.sign(now, body))
                    .body(body).post("/dualwrite/inbox");
            if (response.statusCode() != 200) {
                throw new AssertionError("inbox answered " + response.statusCode() + ": " + response.asString());
            }
            return Json.mapper().readValue(response.asString(), InboxResponse.class).results();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
