package onboarding.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JSON contract between the apps, pinned by golden files in {@code src/test/resources/contract}.
 * A change that alters the wire format fails here; to accept it on purpose, run with
 * {@code -Dcontract.update=true} and commit the new golden files together with a new schema version.
 */
class JsonContractTest {

    static final Instant SUBMITTED = Instant.parse("2026-11-27T08:15:30.123Z");
    static final UUID EVENT_ID = UUID.fromString("3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c");

    static ProspectSubmittedV1 prospect() {
        return new ProspectSubmittedV1(123, "PR-000123", "http://127.0.0.1:8080/hq/prospects/123",
                new CompanyInfo("Dupont Outillage SARL", "12 rue des Forges", "Lyon", "69003", "FR",
                        "FR40303265045", "https://dupont-outillage.fr"),
                new ContactInfo("Claire", "Dupont", "claire@dupont-outillage.fr", "+33 4 72 00 00 00"),
                "We resell tools to 40 workshops.", "fr", SUBMITTED);
    }

    static EventEnvelope envelope() throws IOException {
        return new EventEnvelope(EVENT_ID, TableMaps.PROSPECTS_TO_LEADS, "prospect", "123", 1,
                EventTypes.PROSPECT_SUBMITTED, 1, Origin.COMMERCE, "c0ffee00-0000-4000-8000-000000000001",
                SUBMITTED, Json.mapper().readTree(Json.mapper().writeValueAsString(prospect())));
    }

    @Test
    void prospectSubmittedV1() throws IOException {
        assertMatchesGolden("prospect-submitted-v1.json", prospect(), ProspectSubmittedV1.class);
    }

    @Test
    void envelope_and_batch() throws IOException {
        assertMatchesGolden("inbox-batch.json", new InboxBatch(List.of(envelope())), InboxBatch.class);
    }

    @Test
    void inboxResponse() throws IOException {
        InboxResponse response = new InboxResponse(List.of(
                new InboxResult(EVENT_ID, InboxResult.Outcome.APPLIED, "45", "L-000045", null),
                new InboxResult(UUID.fromString("00000000-0000-4000-8000-000000000002"),
                        InboxResult.Outcome.FAILED, null, null, "Unknown event type lead.exploded v1")));
        assertMatchesGolden("inbox-response.json", response, InboxResponse.class);
    }

    static final CompanyInfo COMPANY = new CompanyInfo("Dupont Outillage SARL", "12 rue des Forges", "Lyon", "69003",
            "FR", "FR40303265045", "https://dupont-outillage.fr");
    static final ContactInfo CONTACT = new ContactInfo("Claire", "Dupont", "claire@dupont-outillage.fr",
            "+33 4 72 00 00 00");

    @Test
    void decision_payloads_v1() throws IOException {
        assertMatchesGolden("lead-qualified-v1.json", new LeadQualifiedV1(45, "L-000045", 123, "PR-000123", 7,
                "O-000007", new AccountRecord(3, "A-000003", COMPANY), new ContactRecord(9, "C-000009", CONTACT),
                "alice", "http://127.0.0.1:8081/leads/45"), LeadQualifiedV1.class);
        assertMatchesGolden("lead-disqualified-v1.json", new LeadDisqualifiedV1(45, "L-000045", 123, "PR-000123",
                DecisionReason.NO_LONGER_INTERESTED, true, "alice", "http://127.0.0.1:8081/leads/45"),
                LeadDisqualifiedV1.class);
        assertMatchesGolden("opportunity-closed-v1.json", new OpportunityClosedV1(7, "O-000007", 45, 123, "PR-000123",
                OpportunityClosedV1.Outcome.WON, null, false, 3, 9, "alice", "http://127.0.0.1:8081/opportunities/7"),
                OpportunityClosedV1.class);
    }

    @Test
    void customer_sync_payloads_v1() throws IOException {
        assertMatchesGolden("account-updated-v1.json", new AccountUpdatedV1(3, "A-000003", COMPANY, "alice"),
                AccountUpdatedV1.class);
        assertMatchesGolden("contact-updated-v1.json", new ContactUpdatedV1(9, "C-000009", CONTACT, "alice"),
                ContactUpdatedV1.class);
        assertMatchesGolden("organization-updated-v1.json", new OrganizationUpdatedV1(2, "CU-000002", 3, COMPANY,
                "hq"), OrganizationUpdatedV1.class);
        assertMatchesGolden("organization-snapshot-v1.json", new OrganizationSnapshotV1(2, "CU-000002", 3L, COMPANY,
                "http://127.0.0.1:8080/hq/customers/2"), OrganizationSnapshotV1.class);
        assertMatchesGolden("organization-snapshot-v1-new.json", new OrganizationSnapshotV1(4, "CU-000004", null,
                COMPANY, "http://127.0.0.1:8080/hq/customers/4"), OrganizationSnapshotV1.class);
    }

    @Test
    void every_known_event_type_has_a_payload_type() {
        assertEquals(ProspectSubmittedV1.class, EventTypes.payloadType(EventTypes.PROSPECT_SUBMITTED, 1).orElseThrow());
        assertTrue(EventTypes.payloadType(EventTypes.PROSPECT_SUBMITTED, 99).isEmpty());
        assertTrue(EventTypes.payloadType("lead.exploded", 1).isEmpty());
    }

    @Test
    void newer_sender_fields_are_tolerated() throws IOException {
        String json = Json.mapper().writeValueAsString(prospect()).replaceFirst("\\{", "{\"addedLater\":true,");
        assertEquals(prospect(), Json.mapper().readValue(json, ProspectSubmittedV1.class));
    }

    private static <T> void assertMatchesGolden(String file, T value, Class<T> type) throws IOException {
        JsonNode actual = Json.mapper().readTree(Json.mapper().writeValueAsString(value));
        if (Boolean.getBoolean("contract.update")) {
            Path path = Path.of("src/test/resources/contract", file);
            Files.writeString(path, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            return;
        }
        try (InputStream in = JsonContractTest.class.getResourceAsStream("/contract/" + file)) {
            JsonNode golden = Json.mapper().readTree(in);
            assertEquals(golden, actual, "wire format of " + type.getSimpleName() + " changed");
            assertEquals(value, Json.mapper().treeToValue(golden, type), "golden file no longer reads back");
        }
    }
}
