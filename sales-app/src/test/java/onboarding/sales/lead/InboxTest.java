package onboarding.sales.lead;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.transport.Signatures;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxBatch;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;
import onboarding.model.InboxResult.Outcome;
import onboarding.model.Json;
import onboarding.model.Origin;
import onboarding.model.ProspectSubmittedV1;
import onboarding.model.TableMaps;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The Sales side of the bridge: what arrives at /dualwrite/inbox, and what it refuses. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class InboxTest {

    @Inject
    DualWriteConfig config;

    @Inject
    Signatures signatures;

    @Inject
    EntityManager em;

    static long prospectIds = System.nanoTime() % 1_000_000_000L;

    @Test
    void a_signup_event_creates_an_unowned_dual_write_lead_with_its_timeline_note() throws Exception {
        EventEnvelope event = prospectSubmitted("Ada", "ada." + UUID.randomUUID() + "@example.com");
        InboxResponse response = deliver(List.of(event));

        assertEquals(Outcome.APPLIED, response.results().get(0).outcome());
        String leadId = response.results().get(0).remoteId();
        Lead lead = Lead.findById(Long.parseLong(leadId));
        assertEquals(response.results().get(0).remoteLabel(), lead.number);
        assertEquals(LeadOrigin.DUAL_WRITE, lead.origin);
        assertEquals(LeadStatus.OPEN, lead.status);
        assertEquals(null, lead.owner);
        assertEquals("Ada", lead.firstName);
        assertEquals("Lovelace Engines", lead.companyName);
        assertEquals(event.correlationId(), lead.correlationId);

        Document page = Jsoup.parse(given().get("/leads/" + leadId).then().statusCode(200).extract().asString());
        assertTrue(page.select("#contact").text().contains("Ada Lovelace"));
        assertTrue(page.select("#company").text().contains("FR40303265045"));
        String prospectNumber = event.payload().get("prospectNumber").asText();
        assertTrue(page.select("#timeline").text().contains("Created by dual-write from Commerce prospect " + prospectNumber),
                page.select("#timeline").text());

        Document allB2b = Jsoup.parse(given().get("/leads?view=all-b2b&q=" + lead.email).asString());
        assertEquals(List.of(lead.number), allB2b.select("#leads tbody tr").eachAttr("data-number"));
        Document myOpen = Jsoup.parse(given().get("/leads?view=my-open").asString());
        assertTrue(myOpen.select("tr[data-number=" + lead.number + "]").isEmpty(), "not in My open leads");
        assertEquals(1L, count("dualwrite_link where table_map = '" + TableMaps.PROSPECTS_TO_LEADS
                + "' and local_id = '" + leadId + "' and remote_id = '" + event.aggregateId() + "'"));
    }

    @Test
    void a_duplicate_delivery_creates_one_lead_and_answers_with_the_same_lead() throws Exception {
        String email = "dup." + UUID.randomUUID() + "@example.com";
        EventEnvelope event = prospectSubmitted("Grace", email);

        InboxResponse first = deliver(List.of(event));
        InboxResponse second = deliver(List.of(event));
        InboxResponse both = deliver(List.of(event, event));

        assertEquals(Outcome.APPLIED, first.results().get(0).outcome());
        assertEquals(Outcome.DUPLICATE, second.results().get(0).outcome());
        assertEquals(first.results().get(0).remoteId(), second.results().get(0).remoteId());
        assertEquals(Outcome.DUPLICATE, both.results().get(1).outcome());
        assertEquals(1L, count("lead where email = '" + email + "'"));
        assertEquals(1L, count("dualwrite_inbox where event_id = '" + event.eventId() + "'"));
        assertEquals(1L, count("timeline_entry where record_type = 'lead' and record_id = '"
                + first.results().get(0).remoteId() + "'"));
    }

    @Test
    void a_second_copy_of_a_prospect_updates_its_lead_instead_of_creating_another() throws Exception {
        String email = "copy." + UUID.randomUUID() + "@example.com";
        EventEnvelope first = prospectSubmitted("Katherine", email);
        EventEnvelope copy = new EventEnvelope(UUID.randomUUID(), first.tableMap(), first.aggregateType(),
                first.aggregateId(), 2, first.eventType(), 1, first.origin(), first.correlationId(), Instant.now(),
                ((com.fasterxml.jackson.databind.node.ObjectNode) first.payload().deepCopy())
                        .set("contact", Json.mapper().valueToTree(new ContactInfo("Kathy", "Lovelace", email, "+44 1"))));

        InboxResponse created = deliver(List.of(first));
        InboxResponse updated = deliver(List.of(copy));

        assertEquals(Outcome.APPLIED, updated.results().get(0).outcome());
        assertEquals(created.results().get(0).remoteId(), updated.results().get(0).remoteId(), "the same lead");
        assertEquals(1L, count("lead where email = '" + email + "'"));
        assertEquals("Kathy", ((Lead) Lead.findById(Long.parseLong(created.results().get(0).remoteId()))).firstName,
                "Commerce wins while the lead is open");
    }

    @Test
    void a_batch_applies_together_and_one_failing_event_fails_alone() throws Exception {
        String domain = UUID.randomUUID().toString();
        EventEnvelope first = prospectSubmitted("Ada", "first@" + domain + ".example");
        EventEnvelope broken = prospectSubmitted("Bad", null); // a lead needs an email: the insert fails
        EventEnvelope third = prospectSubmitted("Grace", "third@" + domain + ".example");
        EventEnvelope again = prospectSubmitted("Joan", "again@" + domain + ".example");

        InboxResponse response = deliver(List.of(first, broken, third));

        assertEquals(List.of(Outcome.APPLIED, Outcome.FAILED, Outcome.APPLIED),
                response.results().stream().map(r -> r.outcome()).toList());
        assertNotNull(response.results().get(1).error());
        assertEquals(2L, count("lead where email like '%@" + domain + ".example'"));
        assertEquals(0L, count("dualwrite_inbox where event_id = '" + broken.eventId() + "'"), "nothing of it kept");
        assertEquals(0L, count("lead where first_name = 'Bad' and prospect_id = " + broken.aggregateId()));

        InboxResponse together = deliver(List.of(again, first));
        assertEquals(List.of(Outcome.APPLIED, Outcome.DUPLICATE),
                together.results().stream().map(r -> r.outcome()).toList());
        assertEquals(response.results().get(0).remoteId(), together.results().get(1).remoteId());
        assertEquals(3L, count("lead where email like '%@" + domain + ".example'"));
        assertEquals(1L, count("timeline_entry where record_type = 'lead' and record_id = '"
                + together.results().get(0).remoteId() + "'"));
    }

    @Test
    void a_batch_of_signups_is_applied_in_order_with_known_and_repeated_prospects() throws Exception {
        String domain = UUID.randomUUID().toString();
        EventEnvelope known = prospectSubmitted("Known", "known@" + domain + ".example");
        InboxResponse earlier = deliver(List.of(known));
        EventEnvelope fresh = prospectSubmitted("Fresh", "fresh@" + domain + ".example");
        EventEnvelope knownAgain = withFirstName(known, "Known-again");
        EventEnvelope freshAgain = withFirstName(fresh, "Fresh-again");
        EventEnvelope other = prospectSubmitted("Other", "other@" + domain + ".example");

        InboxResponse response = deliver(List.of(fresh, knownAgain, freshAgain, other));

        List<InboxResult> results = response.results();
        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED),
                results.stream().map(InboxResult::outcome).toList());
        assertEquals(earlier.results().get(0).remoteId(), results.get(1).remoteId(), "a known prospect keeps its lead");
        assertEquals(results.get(0).remoteId(), results.get(2).remoteId(), "a prospect twice in a batch: one lead");
        assertEquals(3L, count("lead where email like '%@" + domain + ".example'"));
        Lead freshLead = Lead.findById(Long.parseLong(results.get(0).remoteId()));
        assertEquals("Fresh-again", freshLead.firstName, "the later event of the batch wins");
        assertEquals(freshLead.number, results.get(0).remoteLabel());
        assertEquals("Known-again", ((Lead) Lead.findById(Long.parseLong(results.get(1).remoteId()))).firstName);
        for (int i = 0; i < results.size(); i++) {
            EventEnvelope event = List.of(fresh, knownAgain, freshAgain, other).get(i);
            assertEquals(1L, count("dualwrite_inbox where event_id = '" + event.eventId() + "' and result_id = '"
                    + results.get(i).remoteId() + "' and result_label = '" + results.get(i).remoteLabel() + "'"));
            assertEquals(1L, count("dualwrite_link where table_map = 'prospects-to-leads' and local_id = '"
                    + results.get(i).remoteId() + "' and remote_id = '" + event.aggregateId() + "'"));
        }
        assertEquals(2L, count("timeline_entry where record_type = 'lead' and record_id = '"
                + results.get(0).remoteId() + "'"), "created, then updated by the copy");

        InboxResponse again = deliver(List.of(fresh, knownAgain, freshAgain, other));

        assertEquals(List.of(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.DUPLICATE),
                again.results().stream().map(InboxResult::outcome).toList());
        assertEquals(results.stream().map(InboxResult::remoteId).toList(),
                again.results().stream().map(InboxResult::remoteId).toList());
        assertEquals(3L, count("lead where email like '%@" + domain + ".example'"));
    }

    @Test
    void bad_missing_or_stale_signatures_are_refused_and_store_nothing() throws Exception {
        String email = "forged." + UUID.randomUUID() + "@example.com";
        String body = Json.mapper().writeValueAsString(new InboxBatch(List.of(prospectSubmitted("Eve", email))));
        long now = Instant.now().getEpochSecond();
        Signatures wrongKey = new Signatures(List.of("not-the-shared-secret-at-all"), Duration.ofMinutes(2),
                Clock.systemUTC());

        post(body, null, null).then().statusCode(401);
        post(body, Long.toString(now), null).then().statusCode(401);
        post(body, Long.toString(now), wrongKey.sign(now, body)).then().statusCode(401);
        post(body, Long.toString(now), signatures.sign(now, body.replace("Eve", "Mallory"))).then().statusCode(401);
        long stale = now - Duration.ofMinutes(10).toSeconds();
        post(body, Long.toString(stale), signatures.sign(stale, body)).then().statusCode(401)
                .body(org.hamcrest.Matchers.containsString("stale timestamp"));
        post(body, "yesterday", signatures.sign(now, body)).then().statusCode(401);

        assertEquals(0L, count("lead where email = '" + email + "'"));
        assertEquals(0L, count("dualwrite_inbox where aggregate_id = '" + prospectIds + "'"));
    }

    @Test
    void an_old_key_is_still_accepted_while_keys_rotate() throws Exception {
        // config lists the current key first; a peer still signing with any listed key is accepted
        Signatures peer = new Signatures(List.of(config.secrets().get(config.secrets().size() - 1)),
                Duration.ofMinutes(2), Clock.systemUTC());
        String body = Json.mapper().writeValueAsString(new InboxBatch(List.of(
                prospectSubmitted("Rot", "rot." + UUID.randomUUID() + "@example.com"))));
        long now = Instant.now().getEpochSecond();
        post(body, Long.toString(now), peer.sign(now, body)).then().statusCode(200);
    }

    @Test
    void unknown_event_types_and_versions_are_errors_not_dropped() throws Exception {
        EventEnvelope known = prospectSubmitted("Linus", "linus." + UUID.randomUUID() + "@example.com");
        EventEnvelope unknownType = copy(known, "lead.exploded", 1);
        EventEnvelope unknownVersion = copy(known, EventTypes.PROSPECT_SUBMITTED, 99);

        InboxResponse response = deliver(List.of(unknownType, unknownVersion));

        assertEquals(Outcome.FAILED, response.results().get(0).outcome());
        assertEquals("Unknown event type lead.exploded v1", response.results().get(0).error());
        assertEquals(Outcome.FAILED, response.results().get(1).outcome());
        assertEquals("Unknown event type prospect.submitted v99", response.results().get(1).error());
        assertEquals(0L, count("dualwrite_inbox where event_id in ('" + unknownType.eventId() + "', '"
                + unknownVersion.eventId() + "')"), "a refused event can be delivered again later");
    }

    @Test
    void a_malformed_batch_is_a_400() {
        long now = Instant.now().getEpochSecond();
        String body = "{\"events\": [ {\"eventId\": 12";
        post(body, Long.toString(now), signatures.sign(now, body)).then().statusCode(400);
    }

    @Test
    void the_lead_pages_speak_french() {
        given().header("Accept-Language", "fr").get("/leads?view=all-b2b").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Tous les prospects B2B Commerce"))
                .body(org.hamcrest.Matchers.containsString("<html lang=\"fr\">"));
        given().get("/leads?view=all-b2b&lang=fr").then()
                .body(org.hamcrest.Matchers.containsString("Mes prospects ouverts"));
    }

    private InboxResponse deliver(List<EventEnvelope> events) throws Exception {
        String body = Json.mapper().writeValueAsString(new InboxBatch(events));
        long now = Instant.now().getEpochSecond();
        Response response = post(body, Long.toString(now), signatures.sign(now, body));
        assertEquals(200, response.statusCode(), response.asString());
        InboxResponse answer = Json.mapper().readValue(response.asString(), InboxResponse.class);
        assertNotNull(answer.results());
        return answer;
    }

    private static Response post(String body, String timestamp, String signature) {
        var request = given().contentType("application/json").body(body);
        if (timestamp != null) {
            request.header(Signatures.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(Signatures.SIGNATURE_HEADER, signature);
        }
        return request.post("/dualwrite/inbox");
    }

    private static EventEnvelope prospectSubmitted(String firstName, String email) throws Exception {
        long id = ++prospectIds;
        ProspectSubmittedV1 payload = new ProspectSubmittedV1(id, String.format("PR-%06d", id),
                "http://127.0.0.1:8080/hq/prospects/" + id,
                new CompanyInfo("Lovelace Engines", "1 Analytical Row", "London", "N1 9GU", "GB", "FR40303265045",
                        "https://lovelace.example"),
                new ContactInfo(firstName, "Lovelace", email, "+44 20 7946 0000"), "Hello", "en", Instant.now());
        JsonNode json = Json.mapper().valueToTree(payload);
        return new EventEnvelope(UUID.randomUUID(), TableMaps.PROSPECTS_TO_LEADS, "prospect", Long.toString(id), 1,
                EventTypes.PROSPECT_SUBMITTED, 1, Origin.COMMERCE, UUID.randomUUID().toString(), Instant.now(), json);
    }

    /** A later event of the same prospect whose contact has another first name. */
    private static EventEnvelope withFirstName(EventEnvelope e, String firstName) {
        com.fasterxml.jackson.databind.node.ObjectNode payload =
                (com.fasterxml.jackson.databind.node.ObjectNode) e.payload().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("contact")).put("firstName", firstName);
        return new EventEnvelope(UUID.randomUUID(), e.tableMap(), e.aggregateType(), e.aggregateId(),
                e.sequence() + 1, e.eventType(), 1, e.origin(), e.correlationId(), Instant.now(), payload);
    }

    private static EventEnvelope copy(EventEnvelope e, String type, int version) {
        return new EventEnvelope(UUID.randomUUID(), e.tableMap(), e.aggregateType(), e.aggregateId(), e.sequence(),
                type, version, e.origin(), e.correlationId(), e.occurredAt(), e.payload());
    }

    private long count(String fromWhere) {
        return ((Number) em.createNativeQuery("select count(*) from " + fromWhere).getSingleResult()).longValue();
    }
}
