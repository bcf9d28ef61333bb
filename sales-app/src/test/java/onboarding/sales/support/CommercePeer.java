package onboarding.sales.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import onboarding.bridge.transport.Signatures;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxBatch;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;
import onboarding.model.Json;
import onboarding.model.OrganizationSnapshotV1;
import onboarding.model.OrganizationUpdatedV1;
import onboarding.model.Origin;
import onboarding.model.ProspectSubmittedV1;
import onboarding.model.TableMaps;

/** Plays Commerce: sends signed batches to this app's {@code /dualwrite/inbox}, as the bridge does. */
@ApplicationScoped
public class CommercePeer {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    private final Signatures signatures;

    CommercePeer(Signatures signatures) {
        this.signatures = signatures;
    }

    /** Someone signed up on the B2B site; returns the id of the lead Sales made of it. */
    public long signup(CompanyInfo company, ContactInfo contact) {
        InboxResult result = deliver(prospectSubmitted(null, company, contact));
        assertEquals(InboxResult.Outcome.APPLIED, result.outcome(), result.error());
        return Long.parseLong(result.remoteId());
    }

    /**
     * The event of a signup of a new prospect, linked to {@code prospectUrl} (null: the prospect's page in the
     * Commerce back office); the prospect's id is the event's aggregate id.
     */
    public EventEnvelope prospectSubmitted(String prospectUrl, CompanyInfo company, ContactInfo contact) {
        long id = IDS.incrementAndGet();
        ProspectSubmittedV1 payload = new ProspectSubmittedV1(id, String.format("PR-%06d", id),
                prospectUrl != null ? prospectUrl : "http://127.0.0.1:8080/hq/prospects/" + id, company, contact,
                "We resell tools.", "en", Instant.now());
        return event(TableMaps.PROSPECTS_TO_LEADS, "prospect", id, EventTypes.PROSPECT_SUBMITTED, payload);
    }

    /** A signup of a new company with its own domain and VAT number. */
    public long signup() {
        return signup(Fixtures.company(), Fixtures.contact());
    }

    public EventEnvelope organizationUpdated(long customerId, long accountId, CompanyInfo company) {
        return event(TableMaps.CUSTOMERS_TO_ACCOUNTS, "customer", customerId, EventTypes.ORGANIZATION_UPDATED,
                new OrganizationUpdatedV1(customerId, String.format("CU-%06d", customerId), accountId, company, "hq"));
    }

    /** A copy of organisation customer {@code customerId} by the initial sync ({@code accountId} may be null). */
    public EventEnvelope organizationSnapshot(long customerId, Long accountId, CompanyInfo company) {
        return organizationSnapshot(customerId, accountId, company, "http://127.0.0.1:8080/hq/customers/" + customerId);
    }

    /** A copy by the initial sync whose link to the customer is {@code customerUrl}. */
    public EventEnvelope organizationSnapshot(long customerId, Long accountId, CompanyInfo company, String customerUrl) {
        return event(TableMaps.CUSTOMERS_TO_ACCOUNTS, "customer", customerId, EventTypes.ORGANIZATION_SNAPSHOT,
                new OrganizationSnapshotV1(customerId, String.format("CU-%06d", customerId), accountId, company,
                        customerUrl));
    }

    public InboxResult deliver(EventEnvelope event) {
        return deliver(List.of(event)).get(0);
    }

    public List<InboxResult> deliver(List<EventEnvelope> events) {
        try {
            String body = Json.mapper().writeValueAsString(new InboxBatch(events));
            long now = Instant.now().getEpochSecond();
            Response response = given().contentType("application/json")
                    .header(Signatures.TIMESTAMP_HEADER, Long.toString(now))
                    .header(Signatures.SIGNATURE_HEADER, signatures.sign(now, body))
                    .body(body).post("/dualwrite/inbox");
            assertEquals(200, response.statusCode(), response.asString());
            return Json.mapper().readValue(response.asString(), InboxResponse.class).results();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope event(String tableMap, String aggregateType, long aggregateId, String type,
            Object payload) {
        JsonNode json = Json.mapper().valueToTree(payload);
        return new EventEnvelope(UUID.randomUUID(), tableMap, aggregateType, Long.toString(aggregateId), 1, type, 1,
                Origin.COMMERCE, UUID.randomUUID().toString(), Instant.now(), json);
    }
}
