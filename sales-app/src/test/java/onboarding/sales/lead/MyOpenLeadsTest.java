package onboarding.sales.lead;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Rows;
import onboarding.sales.support.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** "Assign to me" with real sign-ins: the lead moves to that user's My open leads, and only theirs. */
@QuarkusTest
class MyOpenLeadsTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Test
    void assign_to_me_puts_the_lead_in_my_open_leads_of_that_user_only() {
        long leadId = commerce.signup();
        String number = rows.inTransaction(() -> Lead.<Lead>findById(leadId).number);
        assertEquals(List.of(), myOpenLeads("alice", number));
        assertEquals(List.of(), myOpenLeads("bob", number));

        BrowserForm alicePage = BrowserForm.open(SignIn.as("alice"), "/leads/" + leadId, null);
        BrowserForm bobPage = BrowserForm.open(SignIn.as("bob"), "/leads/" + leadId, null);
        Response assigned = alicePage.submit("#assign-form", Map.of());

        assertEquals(303, assigned.statusCode(), assigned.asString());
        assertEquals(List.of(number), myOpenLeads("alice", number));
        assertEquals(List.of(), myOpenLeads("bob", number));
        assertEquals(List.of(), myOpenLeads("maria", number));
        Document allB2b = Jsoup.parse(given().cookie(SignIn.SESSION_COOKIE, SignIn.as("bob"))
                .get("/leads?view=all-b2b&q=" + number).asString());
        assertEquals(List.of(number), allB2b.select("#leads tbody tr").eachAttr("data-number"),
                "still in All Commerce B2B leads");

        // Bob's page was opened before Alice took the lead: his click is refused (the lead is Alice's now, and a
        // salesperson does not take another's lead), the lead stays Alice's
        Response late = bobPage.submit("#assign-form", Map.of());
        assertEquals(403, late.statusCode());
        assertEquals("Lead " + number + " belongs to Alice Martin: only a sales manager can reassign it. Nothing was"
                + " changed.", Jsoup.parse(late.asString()).select("#conflict-message").text());
        assertEquals(List.of(number), myOpenLeads("alice", number));
        assertEquals(List.of(), myOpenLeads("bob", number));

        // Alice's own double submit is refused too and changes nothing
        assertEquals(409, alicePage.submit("#assign-form", Map.of()).statusCode());
        assertEquals(1L, rows.count("timeline_entry where record_type = 'lead' and record_id = ?1"
                + " and message_key = 'timeline.lead.assigned'", Long.toString(leadId)));

        // once decided, the lead leaves My open leads
        BrowserForm.open(SignIn.as("alice"), "/leads/" + leadId, null).submit("#disqualify-form",
                Map.of("reason", "CANCELED"));
        assertEquals(List.of(), myOpenLeads("alice", number));
    }

    @Test
    void a_sales_manager_can_take_over_a_lead_from_a_fresh_page() {
        long leadId = commerce.signup();
        String number = rows.inTransaction(() -> Lead.<Lead>findById(leadId).number);
        BrowserForm.open(SignIn.as("bob"), "/leads/" + leadId, null).submit("#assign-form", Map.of());
        BrowserForm mariaPage = BrowserForm.open(SignIn.as("maria"), "/leads/" + leadId, null);
        assertTrue(mariaPage.page().select("#assign-form").text().contains("This lead belongs to Bob Leroy."),
                mariaPage.page().select("#assign-form").text());
        assertEquals(303, mariaPage.submit("#assign-form", Map.of()).statusCode());
        assertEquals(List.of(number), myOpenLeads("maria", number));
        assertEquals(List.of(), myOpenLeads("bob", number));
    }

    private static List<String> myOpenLeads(String user, String number) {
        Document page = Jsoup.parse(given().cookie(SignIn.SESSION_COOKIE, SignIn.as(user))
                .get("/leads?view=my-open&q=" + number).asString());
        return page.select("#leads tbody tr").eachAttr("data-number");
    }
}
