package onboarding.sales.opportunity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import onboarding.model.DecisionReason;
import onboarding.model.EventTypes;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.OpportunityClosedV1.Outcome;
import onboarding.sales.lead.Lead;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Qualified;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Close as won / Close as lost: once, for OPEN opportunities only, told to Commerce on the lead's stream. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class OpportunityTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Inject
    Qualified qualified;

    @Test
    void close_as_won_tells_commerce_on_the_leads_stream_after_the_qualification() {
        Opportunity opportunity = qualified.opportunity();
        long leadId = opportunity.lead.id;

        Response response = BrowserForm.open("/opportunities/" + opportunity.id).submit("#won-form", Map.of());

        assertEquals(303, response.statusCode(), response.asString());
        Opportunity won = reload(opportunity.id);
        assertEquals(OpportunityStatus.WON, won.status);
        assertEquals("alice", won.closedBy);
        assertNull(won.closeReason);
        List<OpportunityClosedV1> events = rows.outbox("lead", leadId, EventTypes.OPPORTUNITY_CLOSED,
                OpportunityClosedV1.class);
        assertEquals(1, events.size());
        OpportunityClosedV1 event = events.get(0);
        Lead lead = opportunity.lead;
        assertEquals(new OpportunityClosedV1(opportunity.id, opportunity.number, leadId, lead.prospectId,
                lead.prospectNumber, Outcome.WON, null, false, opportunity.account.id, opportunity.contact.id, "alice",
                event.opportunityUrl()), event);
        assertTrue(event.opportunityUrl().endsWith("/opportunities/" + opportunity.id));
        // same aggregate as the qualification, in order: the bridge delivers qualify before close
        assertEquals(List.of("lead-decisions lead.qualified", "opportunity-outcomes opportunity.closed"),
                rows.outboxSummary("lead", leadId));

        Document page = Jsoup.parse(given().get("/opportunities/" + opportunity.id).asString());
        assertEquals("badge WON", page.select("#status").attr("class"));
        assertTrue(page.select("#won-form, #lost-form").isEmpty(), "nothing left to close");
        assertTrue(page.select("#timeline").text().contains("Won by alice"), page.select("#timeline").text());
        Document leadPage = Jsoup.parse(given().get("/leads/" + leadId).asString());
        assertTrue(leadPage.select("#timeline").text().contains("Opportunity " + opportunity.number + " won by alice"));
    }

    @Test
    void close_as_lost_carries_the_reason_and_whether_it_may_be_shared() {
        Opportunity opportunity = qualified.opportunity();
        Response response = BrowserForm.open("/opportunities/" + opportunity.id).submit("#lost-form",
                Map.of("reason", "LOST", "reasonShareable", "true"));

        assertEquals(303, response.statusCode(), response.asString());
        Opportunity lost = reload(opportunity.id);
        assertEquals(OpportunityStatus.LOST, lost.status);
        assertEquals(DecisionReason.LOST, lost.closeReason);
        assertTrue(lost.reasonShareable);
        OpportunityClosedV1 event = rows.outbox("lead", opportunity.lead.id, EventTypes.OPPORTUNITY_CLOSED,
                OpportunityClosedV1.class).get(0);
        assertEquals(Outcome.LOST, event.outcome());
        assertEquals(DecisionReason.LOST, event.reason());
        assertTrue(event.reasonShareable());
        Document page = Jsoup.parse(given().get("/opportunities/" + opportunity.id).asString());
        assertTrue(page.select("#timeline").text().contains("Lost by alice: lost"), page.select("#timeline").text());
    }

    @Test
    void a_lost_opportunity_needs_a_known_reason() {
        Opportunity opportunity = qualified.opportunity();
        Response response = BrowserForm.open("/opportunities/" + opportunity.id).submit("#lost-form",
                Map.of("reason", ""));
        assertEquals(400, response.statusCode());
        assertEquals(OpportunityStatus.OPEN, reload(opportunity.id).status);
        assertEquals(0L, rows.outboxCount("lead", opportunity.lead.id, EventTypes.OPPORTUNITY_CLOSED));
    }

    @Test
    void closing_a_won_or_lost_opportunity_again_is_refused_and_changes_nothing() {
        for (String first : List.of("#won-form", "#lost-form")) {
            Opportunity opportunity = qualified.opportunity();
            BrowserForm stale = BrowserForm.open("/opportunities/" + opportunity.id);
            assertEquals(303, BrowserForm.open("/opportunities/" + opportunity.id)
                    .submit(first, Map.of("reason", "CANCELED")).statusCode());
            Opportunity closed = reload(opportunity.id);
            String version = Long.toString(closed.version);

            for (Response refused : List.of(
                    stale.submit("#won-form", Map.of("version", version)),
                    stale.submit("#lost-form", Map.of("version", version, "reason", "LOST")),
                    stale.submit("#won-form", Map.of()),
                    stale.submit("#lost-form", Map.of()))) {
                assertEquals(409, refused.statusCode(), refused.asString());
                String message = Jsoup.parse(refused.asString()).select("#conflict-message").text();
                assertTrue(message.contains(opportunity.number + " is already closed"), message);
            }
            Opportunity after = reload(opportunity.id);
            assertEquals(closed.version, after.version);
            assertEquals(closed.status, after.status);
            assertEquals(closed.closeReason, after.closeReason);
            assertEquals(1L, rows.outboxCount("lead", opportunity.lead.id, EventTypes.OPPORTUNITY_CLOSED));
        }
    }

    @Test
    void a_stale_version_is_refused_and_changes_nothing() {
        Opportunity opportunity = qualified.opportunity();
        BrowserForm page = BrowserForm.open("/opportunities/" + opportunity.id);
        Response response = page.submit("#won-form", Map.of("version", Long.toString(opportunity.version + 7)));
        assertEquals(409, response.statusCode());
        assertTrue(Jsoup.parse(response.asString()).select("#conflict-message").text()
                .contains("Someone else changed this record"));
        assertEquals(OpportunityStatus.OPEN, reload(opportunity.id).status);
        assertEquals(0L, rows.outboxCount("lead", opportunity.lead.id, EventTypes.OPPORTUNITY_CLOSED));
    }

    @Test
    void a_concurrent_double_submit_of_close_as_won_applies_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            Opportunity opportunity = qualified.opportunity();
            BrowserForm page = BrowserForm.open("/opportunities/" + opportunity.id);
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<Integer> click = () -> {
                together.await(10, TimeUnit.SECONDS);
                return page.submit("#won-form", Map.of()).statusCode();
            };
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Future<Integer>> results = threads.invokeAll(List.of(click, click), 30, TimeUnit.SECONDS);
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
            } finally {
                threads.shutdownNow();
            }
            Collections.sort(statuses);
            assertEquals(List.of(303, 409), statuses, "round " + round);
            assertEquals(1L, rows.outboxCount("lead", opportunity.lead.id, EventTypes.OPPORTUNITY_CLOSED));
            assertEquals(1L, rows.count("timeline_entry where record_type = 'opportunity' and record_id = ?1"
                    + " and message_key = 'timeline.opportunity.won'", Long.toString(opportunity.id)));
            Opportunity won = reload(opportunity.id);
            assertEquals(OpportunityStatus.WON, won.status);
            assertEquals(opportunity.version + 1, won.version);
        }
    }

    @Test
    void all_opportunities_newest_first() {
        Opportunity older = qualified.opportunity();
        Opportunity newer = qualified.opportunity();
        Document page = Jsoup.parse(given().get("/opportunities").then().statusCode(200).extract().asString());
        List<String> numbers = page.select("#opportunities tbody tr").eachAttr("data-number");
        assertEquals(newer.number, numbers.get(0));
        assertEquals(older.number, numbers.get(1));
        assertTrue(page.select("header nav a[href=/opportunities]").size() == 1, "in the menu");
        assertTrue(page.select(".pager").text().contains("of"));
    }

    private Opportunity reload(long id) {
        return rows.inTransaction(() -> Opportunity.findById(id));
    }
}
