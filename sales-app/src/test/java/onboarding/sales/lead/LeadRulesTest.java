package onboarding.sales.lead;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Rows;
import onboarding.sales.support.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with a lead, with real sign-ins (alice and bob are salespeople, maria a sales manager): an unowned
 * lead is anyone's to take or decide; an owned one only its owner's or a manager's; only a manager assigns a lead to
 * someone else. The page offers only what the user may do; the server refuses the rest with a 403 that says who may,
 * and changes nothing.
 */
@QuarkusTest
class LeadRulesTest {

    private static final String ACTIONS = "#assign-form, #assign-to-form, #qualify-form, #disqualify-form";

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    // ---- an unowned lead ----

    @Test
    void an_unowned_lead_offers_every_salesperson_to_take_or_decide_it_and_only_a_manager_to_assign_it() {
        long leadId = commerce.signup();
        Document alice = page("alice", leadId).page();
        assertEquals(1, alice.select("#assign-form").size());
        assertTrue(alice.select("#assign-form").text().contains("Nobody owns this lead yet."));
        assertEquals(1, alice.select("#qualify-form").size());
        assertEquals(1, alice.select("#disqualify-form").size());
        assertTrue(alice.select("#assign-to-form, #read-only").isEmpty(), "a salesperson assigns to nobody else");

        Document maria = page("maria", leadId).page();
        assertEquals(1, maria.select("#assign-form").size());
        assertEquals(List.of("alice", "bob", "maria"),
                maria.select("#assign-to-form select[name=assignee] option").eachAttr("value"));
        assertEquals(List.of("Alice Martin (alice)", "Bob Leroy (bob)", "Maria Rossi (maria)"),
                maria.select("#assign-to-form select[name=assignee] option").eachText());
        assertEquals(1, maria.select("#qualify-form").size());
        assertEquals(1, maria.select("#disqualify-form").size());
    }

    @Test
    void a_salesperson_may_not_assign_an_unowned_lead_to_someone_else() {
        long leadId = commerce.signup();
        String number = lead(leadId).number;
        Response refused = assertRefused(leadId, "alice", "assign", Map.of("assignee", "bob"));
        assertEquals("Only a sales manager can assign lead " + number + " to someone else. Nothing was changed.",
                message(refused));
    }

    @Test
    void qualifying_or_disqualifying_an_unowned_lead_makes_the_salesperson_its_owner() {
        long qualifiedId = commerce.signup();
        assertEquals(303, page("bob", qualifiedId).submit("#qualify-form", Map.of()).statusCode());
        Lead qualified = lead(qualifiedId);
        assertEquals(LeadStatus.QUALIFIED, qualified.status);
        assertEquals("bob", qualified.owner);
        assertEquals("bob", opportunityOf(qualifiedId).owner);

        long disqualifiedId = commerce.signup();
        assertEquals(303, page("alice", disqualifiedId).submit("#disqualify-form", Map.of("reason", "LOST"))
                .statusCode());
        Lead disqualified = lead(disqualifiedId);
        assertEquals(LeadStatus.DISQUALIFIED, disqualified.status);
        assertEquals("alice", disqualified.owner);
        assertEquals("alice", disqualified.decidedBy);
    }

    // ---- another salesperson's lead ----

    @Test
    void another_salespersons_lead_is_read_only_with_its_owner() {
        long leadId = ownedBy("bob");
        Document alice = page("alice", leadId).page();
        assertEquals("bob", alice.select("#owner").text());
        assertEquals("(Bob Leroy)", alice.select("#owner-name").text());
        assertTrue(alice.select(ACTIONS).isEmpty(), "no action for alice: " + alice.select("#actions").html());
        assertEquals("This lead belongs to Bob Leroy: only Bob or a sales manager can qualify or disqualify it, and"
                + " only a sales manager can reassign it.", alice.select("#read-only").text());
        assertTrue(alice.select("#contact").text().contains("Claire Dupont"), "the lead itself is shown");

        Document french = BrowserForm.open(SignIn.as("alice"), "/leads/" + leadId, "fr").page();
        assertEquals("Ce prospect est suivi par Bob Leroy : il ne peut être qualifié ou disqualifié que par Bob ou par"
                + " un responsable commercial, et réattribué que par un responsable commercial.",
                french.select("#read-only").text());
    }

    @Test
    void another_salesperson_may_not_take_qualify_disqualify_or_hand_over_an_owned_lead() {
        long leadId = ownedBy("bob");
        String number = lead(leadId).number;

        assertEquals("Lead " + number + " belongs to Bob Leroy: only a sales manager can reassign it. Nothing was"
                + " changed.", message(assertRefused(leadId, "alice", "assign", Map.of())));
        assertRefused(leadId, "alice", "assign", Map.of("assignee", "alice"));
        assertEquals("Only a sales manager can assign lead " + number + " to someone else. Nothing was changed.",
                message(assertRefused(leadId, "alice", "assign", Map.of("assignee", "maria"))));
        assertEquals("Lead " + number + " belongs to Bob Leroy: only Bob or a sales manager can qualify it. Nothing was"
                + " changed.", message(assertRefused(leadId, "alice", "qualify", Map.of())));
        assertEquals("Lead " + number + " belongs to Bob Leroy: only Bob or a sales manager can disqualify it."
                + " Nothing was changed.",
                message(assertRefused(leadId, "alice", "disqualify", Map.of("reason", "LOST"))));
    }

    @Test
    void a_refusal_speaks_the_users_language() {
        long leadId = ownedBy("bob");
        String number = lead(leadId).number;
        Response refused = BrowserForm.open(SignIn.as("alice"), "/leads/" + leadId, "fr")
                .post("/leads/" + leadId + "/qualify", Map.of("version", Long.toString(lead(leadId).version)));
        assertEquals(403, refused.statusCode());
        assertEquals("Le prospect " + number + " est suivi par Bob Leroy : il ne peut être qualifié que par Bob ou par"
                + " un responsable commercial. Rien n'a été modifié.", message(refused));
    }

    // ---- the owner ----

    @Test
    void the_owner_may_qualify_or_disqualify_but_hands_the_lead_to_nobody() {
        long leadId = ownedBy("bob");
        Document bob = page("bob", leadId).page();
        assertTrue(bob.select("#assign-form, #assign-to-form, #read-only").isEmpty(), "already his, and no manager");
        assertEquals(1, bob.select("#qualify-form").size());
        assertEquals(1, bob.select("#disqualify-form").size());

        assertRefused(leadId, "bob", "assign", Map.of("assignee", "alice"));
        Response again = page("bob", leadId).post("/leads/" + leadId + "/assign",
                Map.of("version", Long.toString(lead(leadId).version)));
        assertEquals(409, again.statusCode(), "already his");

        assertEquals(303, page("bob", leadId).submit("#qualify-form", Map.of()).statusCode());
        assertEquals(LeadStatus.QUALIFIED, lead(leadId).status);
        assertEquals("bob", lead(leadId).decidedBy);

        long other = ownedBy("bob");
        assertEquals(303, page("bob", other).submit("#disqualify-form", Map.of("reason", "CANCELED")).statusCode());
        assertEquals(LeadStatus.DISQUALIFIED, lead(other).status);
    }

    // ---- a sales manager ----

    @Test
    void a_manager_may_take_over_assign_qualify_and_disqualify_anyones_lead() {
        long leadId = ownedBy("bob");
        Document maria = page("maria", leadId).page();
        assertTrue(maria.select("#assign-form").text().contains("This lead belongs to Bob Leroy."));
        assertEquals(List.of("alice", "maria"),
                maria.select("#assign-to-form select[name=assignee] option").eachAttr("value"), "all but the owner");
        assertEquals(1, maria.select("#qualify-form").size());
        assertEquals(1, maria.select("#disqualify-form").size());
        assertTrue(maria.select("#read-only").isEmpty());

        Response reassigned = page("maria", leadId).submit("#assign-to-form", Map.of("assignee", "alice"));
        assertEquals(303, reassigned.statusCode(), reassigned.asString());
        assertEquals("alice", lead(leadId).owner);
        assertTrue(timeline(leadId).contains("Assigned to alice by maria"), timeline(leadId));
        assertEquals(0L, rows.outboxCount("lead", leadId), "an assignment stays in Sales");

        Response qualified = page("maria", leadId).submit("#qualify-form", Map.of());
        assertEquals(303, qualified.statusCode(), qualified.asString());
        Lead decided = lead(leadId);
        assertEquals(LeadStatus.QUALIFIED, decided.status);
        assertEquals("alice", decided.owner, "the lead stays its owner's");
        assertEquals("maria", decided.decidedBy);
        assertEquals("alice", opportunityOf(leadId).owner, "the owner works the opportunity");

        long taken = ownedBy("bob");
        assertEquals(303, page("maria", taken).submit("#assign-form", Map.of()).statusCode());
        assertEquals("maria", lead(taken).owner);

        long disqualified = ownedBy("alice");
        assertEquals(303, page("maria", disqualified).submit("#disqualify-form", Map.of("reason", "CANNOT_CONTACT"))
                .statusCode());
        assertEquals(LeadStatus.DISQUALIFIED, lead(disqualified).status);
        assertEquals("maria", lead(disqualified).decidedBy);
        assertEquals("alice", lead(disqualified).owner);
    }

    @Test
    void a_manager_assigns_to_bob_and_bob_finds_it_in_his_open_leads() {
        long leadId = commerce.signup();
        String number = lead(leadId).number;
        Response assigned = page("maria", leadId).submit("#assign-to-form", Map.of("assignee", "bob"));

        assertEquals(303, assigned.statusCode(), assigned.asString());
        assertEquals(List.of(number), myOpenLeads("bob", number));
        assertEquals(List.of(), myOpenLeads("maria", number));
        assertEquals(List.of(), myOpenLeads("alice", number));
        assertTrue(timeline(leadId).contains("Assigned to bob by maria"), timeline(leadId));
        Document bob = page("bob", leadId).page();
        assertEquals("bob", bob.select("#owner").text());
        assertEquals(1, bob.select("#qualify-form").size(), "now bob's to decide");
        assertTrue(page("alice", leadId).page().select(ACTIONS).isEmpty(), "and no longer alice's to take");
    }

    @Test
    void a_manager_assigns_only_to_a_sales_user_and_not_to_the_current_owner() {
        long leadId = ownedBy("bob");
        String number = lead(leadId).number;
        assertEquals("Lead " + number + " can only be assigned to a Sales user. Nothing was changed.",
                message(assertRefused(leadId, "maria", "assign", Map.of("assignee", "mallory"), 409)));
        for (String hostile : List.of("bob' or '1'='1", "bob\u0000", "%", "BOB")) {
            assertRefused(leadId, "maria", "assign", Map.of("assignee", hostile), 409);
        }
        assertEquals("Lead " + number + " is already assigned to Bob Leroy. Nothing was changed.",
                message(assertRefused(leadId, "maria", "assign", Map.of("assignee", "bob"), 409)));
    }

    // ---- helpers ----

    /** Posts {@code action} on the lead as {@code user} with the lead's current version: 403, nothing changed. */
    private Response assertRefused(long leadId, String user, String action, Map<String, String> fields) {
        return assertRefused(leadId, user, action, fields, 403);
    }

    private Response assertRefused(long leadId, String user, String action, Map<String, String> fields, int status) {
        Lead before = lead(leadId);
        long outbox = rows.outboxCount("lead", leadId);
        long notes = rows.count("timeline_entry where record_type = 'lead' and record_id = ?1", Long.toString(leadId));
        long opportunities = rows.count("opportunity where lead_id = ?1", leadId);
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("version", Long.toString(before.version));

        Response response = page(user, leadId).post("/leads/" + leadId + "/" + action, form);

        assertEquals(status, response.statusCode(), action + " by " + user + ": " + response.asString());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        Lead after = lead(leadId);
        assertEquals(before.version, after.version, "unchanged");
        assertEquals(before.owner, after.owner);
        assertEquals(before.status, after.status);
        assertNull(after.decidedBy);
        assertEquals(outbox, rows.outboxCount("lead", leadId), "no event");
        assertEquals(notes, rows.count("timeline_entry where record_type = 'lead' and record_id = ?1",
                Long.toString(leadId)), "no timeline entry");
        assertEquals(opportunities, rows.count("opportunity where lead_id = ?1", leadId));
        return response;
    }

    /** A new lead that {@code user} assigned to themself. */
    private long ownedBy(String user) {
        long leadId = commerce.signup();
        assertEquals(303, page(user, leadId).submit("#assign-form", Map.of()).statusCode());
        assertEquals(user, lead(leadId).owner);
        return leadId;
    }

    private static BrowserForm page(String user, long leadId) {
        return BrowserForm.open(SignIn.as(user), "/leads/" + leadId, null);
    }

    private static String message(Response response) {
        return Jsoup.parse(response.asString()).select("#conflict-message").text();
    }

    private static String timeline(long leadId) {
        return Jsoup.parse(given().cookie(SignIn.SESSION_COOKIE, SignIn.as("maria")).get("/leads/" + leadId).asString())
                .select("#timeline").text();
    }

    private static List<String> myOpenLeads(String user, String number) {
        Document page = Jsoup.parse(given().cookie(SignIn.SESSION_COOKIE, SignIn.as(user))
                .get("/leads?view=my-open&q=" + number).asString());
        return page.select("#leads tbody tr").eachAttr("data-number");
    }

    private Lead lead(long id) {
        return rows.inTransaction(() -> Lead.findById(id));
    }

    private Opportunity opportunityOf(long leadId) {
        return rows.inTransaction(() -> Opportunity.<Opportunity>find("lead.id", leadId).firstResult());
    }
}
