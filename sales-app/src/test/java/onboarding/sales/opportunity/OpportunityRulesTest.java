package onboarding.sales.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import onboarding.model.EventTypes;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Rows;
import onboarding.sales.support.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Who may close an opportunity, with real sign-ins: its owner (bob, who qualified the lead) or a sales manager
 * (maria); another salesperson (alice) sees it without the buttons, and the server refuses her with a 403.
 */
@QuarkusTest
class OpportunityRulesTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Test
    void another_salesperson_sees_the_opportunity_without_the_buttons() {
        Opportunity opportunity = qualifiedBy("bob");
        Document alice = page("alice", opportunity.id).page();
        assertTrue(alice.select("#won-form, #lost-form").isEmpty(), alice.select("#actions").html());
        assertEquals("This opportunity belongs to Bob Leroy: only Bob or a sales manager can close it.",
                alice.select("#read-only").text());
        assertEquals("bob", alice.select("#owner").text());

        for (String user : new String[] { "bob", "maria" }) {
            Document page = page(user, opportunity.id).page();
            assertEquals(1, page.select("#won-form").size(), user);
            assertEquals(1, page.select("#lost-form").size(), user);
            assertTrue(page.select("#read-only").isEmpty(), user);
        }
    }

    @Test
    void another_salesperson_may_not_close_it_as_won_or_lost_and_nothing_changes() {
        Opportunity opportunity = qualifiedBy("bob");
        String owner = "Opportunity " + opportunity.number + " belongs to Bob Leroy: only Bob or a sales manager";
        assertEquals(owner + " can close it as won. Nothing was changed.",
                message(assertRefused(opportunity, "alice", "won", Map.of())));
        assertEquals(owner + " can close it as lost. Nothing was changed.",
                message(assertRefused(opportunity, "alice", "lost", Map.of("reason", "LOST", "reasonShareable", "1"))));
    }

    @Test
    void the_owner_closes_it_as_won_or_lost() {
        Opportunity won = qualifiedBy("bob");
        assertEquals(303, page("bob", won.id).submit("#won-form", Map.of()).statusCode());
        assertEquals(OpportunityStatus.WON, reload(won.id).status);
        assertEquals("bob", reload(won.id).closedBy);
        assertEquals(1L, rows.outboxCount("lead", won.lead.id, EventTypes.OPPORTUNITY_CLOSED));

        Opportunity lost = qualifiedBy("bob");
        assertEquals(303, page("bob", lost.id).submit("#lost-form", Map.of("reason", "CANCELED")).statusCode());
        assertEquals(OpportunityStatus.LOST, reload(lost.id).status);
        assertEquals(1L, rows.outboxCount("lead", lost.lead.id, EventTypes.OPPORTUNITY_CLOSED));
    }

    @Test
    void a_manager_closes_anyones_opportunity_as_won_or_lost() {
        Opportunity won = qualifiedBy("alice");
        assertEquals(303, page("maria", won.id).submit("#won-form", Map.of()).statusCode());
        assertEquals(OpportunityStatus.WON, reload(won.id).status);
        assertEquals("maria", reload(won.id).closedBy);
        assertEquals("alice", reload(won.id).owner);

        Opportunity lost = qualifiedBy("bob");
        assertEquals(303, page("maria", lost.id).submit("#lost-form", Map.of("reason", "LOST")).statusCode());
        assertEquals(OpportunityStatus.LOST, reload(lost.id).status);
        assertEquals("maria", reload(lost.id).closedBy);
    }

    /** Posts {@code won} or {@code lost} as {@code user} with the current version: 403, nothing changed. */
    private Response assertRefused(Opportunity opportunity, String user, String action, Map<String, String> fields) {
        Opportunity before = reload(opportunity.id);
        long outbox = rows.outboxCount("lead", opportunity.lead.id);
        long notes = rows.count("timeline_entry where record_type = 'opportunity' and record_id = ?1",
                Long.toString(opportunity.id));
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("version", Long.toString(before.version));

        Response response = page(user, opportunity.id).post("/opportunities/" + opportunity.id + "/" + action, form);

        assertEquals(403, response.statusCode(), action + " by " + user + ": " + response.asString());
        Opportunity after = reload(opportunity.id);
        assertEquals(OpportunityStatus.OPEN, after.status);
        assertEquals(before.version, after.version);
        assertNull(after.closedBy);
        assertNull(after.closeReason);
        assertEquals(outbox, rows.outboxCount("lead", opportunity.lead.id), "no event");
        assertEquals(0L, rows.outboxCount("lead", opportunity.lead.id, EventTypes.OPPORTUNITY_CLOSED));
        assertEquals(notes, rows.count("timeline_entry where record_type = 'opportunity' and record_id = ?1",
                Long.toString(opportunity.id)), "no timeline entry");
        return response;
    }

    /** The opportunity of a new lead that {@code user} qualified (and so owns). */
    private Opportunity qualifiedBy(String user) {
        long leadId = commerce.signup();
        Response response = BrowserForm.open(SignIn.as(user), "/leads/" + leadId, null).submit("#qualify-form",
                Map.of());
        assertEquals(303, response.statusCode(), response.asString());
        long id = Long.parseLong(response.header("Location").replaceAll(".*/opportunities/", ""));
        Opportunity opportunity = reload(id);
        assertEquals(user, opportunity.owner);
        return opportunity;
    }

    private static BrowserForm page(String user, long opportunityId) {
        return BrowserForm.open(SignIn.as(user), "/opportunities/" + opportunityId, null);
    }

    private static String message(Response response) {
        return Jsoup.parse(response.asString()).select("#conflict-message").text();
    }

    private Opportunity reload(long id) {
        return rows.inTransaction(() -> {
            Opportunity o = Opportunity.findById(id);
            o.lead.id.longValue(); // loaded for the checks
            return o;
        });
    }
}
