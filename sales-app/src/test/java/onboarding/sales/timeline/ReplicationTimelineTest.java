package onboarding.sales.timeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import onboarding.bridge.relay.Relay;
import onboarding.sales.lead.Lead;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.FakeCommerceTransport;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What Commerce did with our events shows on the timelines once it acknowledged them (relay + annotator). */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class ReplicationTimelineTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Inject
    Relay relay;

    @Test
    void qualify_then_won_acknowledged_by_commerce() {
        long leadId = commerce.signup();
        Lead lead = rows.inTransaction(() -> Lead.findById(leadId));
        Opportunity opportunity = qualify(leadId);
        relay.drain();

        String leadTimeline = timeline("/leads/" + leadId);
        assertTrue(leadTimeline.contains("Commerce put prospect " + lead.prospectNumber
                + " in review and created its customers"), leadTimeline);
        assertEquals(lead.prospectUrl, Jsoup.parse(given().get("/leads/" + leadId).asString())
                .select("#timeline li.source-DUAL_WRITE a").first().attr("href"));
        assertEquals(1L, rows.count("dualwrite_outbox where aggregate_type = 'lead' and aggregate_id = ?1"
                + " and status = 'DELIVERED' and remote_label = ?2", Long.toString(leadId), lead.prospectNumber));

        assertTrue(rows.count("dualwrite_map_minute where table_map = 'lead-decisions' and kind = 'DELIVERED'"
                + " and minute > now() - interval '2 minutes'") >= 1, "the console's delivery count");
        assertTrue(rows.count("dualwrite_map_minute where table_map = 'prospects-to-leads' and kind = 'APPLIED'"
                + " and events >= 1") >= 1, "the console's applied count");

        BrowserForm.open("/opportunities/" + opportunity.id).submit("#won-form", Map.of());
        relay.drain();
        String approved = "Commerce approved prospect " + lead.prospectNumber
                + ", created the customer hierarchy and sent the activation email";
        assertTrue(timeline("/leads/" + leadId).contains(approved));
        assertTrue(timeline("/opportunities/" + opportunity.id).contains(approved));
    }

    @Test
    void disqualify_and_lost_acknowledged_by_commerce() {
        long disqualified = commerce.signup();
        String prospect = rows.inTransaction(() -> Lead.<Lead>findById(disqualified).prospectNumber);
        BrowserForm.open("/leads/" + disqualified).submit("#disqualify-form", Map.of("reason", "LOST"));
        relay.drain();
        assertTrue(timeline("/leads/" + disqualified).contains("Commerce rejected prospect " + prospect
                + " and informed the requester"));

        long lostLead = commerce.signup();
        String lostProspect = rows.inTransaction(() -> Lead.<Lead>findById(lostLead).prospectNumber);
        Opportunity opportunity = qualify(lostLead);
        BrowserForm.open("/opportunities/" + opportunity.id).submit("#lost-form", Map.of("reason", "CANCELED"));
        relay.drain();
        String rejected = "Commerce rejected prospect " + lostProspect + " and informed the requester";
        assertTrue(timeline("/leads/" + lostLead).contains(rejected));
        assertTrue(timeline("/opportunities/" + opportunity.id).contains(rejected));
    }

    @Test
    void account_and_contact_edits_acknowledged_by_commerce() {
        Opportunity opportunity = qualify(commerce.signup());
        relay.drain();
        BrowserForm.open("/accounts/" + opportunity.account.id).submit("#edit-form", Map.of("city", "Bron"));
        BrowserForm.open("/contacts/" + opportunity.contact.id).submit("#edit-form", Map.of("phone", "+33 6 00 00 00 00"));
        relay.drain();
        assertTrue(timeline("/accounts/" + opportunity.account.id).contains("Replicated to Commerce customer "
                + FakeCommerceTransport.customerNumberOf("account", opportunity.account.id.toString())));
        assertTrue(timeline("/contacts/" + opportunity.contact.id).contains("Replicated to Commerce customer "
                + FakeCommerceTransport.customerNumberOf("contact", opportunity.contact.id.toString())));
    }

    private Opportunity qualify(long leadId) {
        Response response = BrowserForm.open("/leads/" + leadId).submit("#qualify-form", Map.of());
        assertEquals(303, response.statusCode(), response.asString());
        long id = Long.parseLong(response.header("Location").replaceAll(".*/opportunities/", ""));
        return rows.inTransaction(() -> Opportunity.findById(id));
    }

    private static String timeline(String path) {
        return Jsoup.parse(given().get(path).asString()).select("#timeline").text();
    }
}
