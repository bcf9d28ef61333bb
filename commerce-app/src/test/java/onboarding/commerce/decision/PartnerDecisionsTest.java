package onboarding.commerce.decision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import onboarding.bridge.transport.Signatures;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.prospect.ProspectStatus;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Inbound;
import onboarding.commerce.support.SignIn;
import onboarding.commerce.support.Signups;
import onboarding.model.AccountRecord;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.ContactRecord;
import onboarding.model.DecisionReason;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.TableMaps;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What Commerce does with Sales' decisions, delivered to its inbox as the Sales relay would. */
@QuarkusTest
class PartnerDecisionsTest {

    static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 100_000_000L);

    @Inject
    Signatures signatures;

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    record Partner(Prospect prospect, long leadId, long accountId, long contactId, long opportunityId) {
    }

    @Test
    void won_path_in_review_then_approved_with_hierarchy_approval_mail_and_a_one_time_activation_link() {
        Partner partner = signUp("fr");
        InboxResult qualified = Inbound.deliver(signatures, qualify(partner));
        assertEquals(InboxResult.Outcome.APPLIED, qualified.outcome(), qualified.error());
        assertEquals(partner.prospect().number, qualified.remoteLabel());

        Prospect inReview = reload(partner.prospect());
        assertEquals(ProspectStatus.IN_REVIEW, inReview.status);
        Customer org = find(inReview.organizationCustomerId);
        Customer person = find(inReview.personCustomerId);
        assertEquals(Customer.Type.ORGANIZATION, org.type);
        assertEquals("Acme Industrie", org.name);
        assertEquals(Customer.Type.PERSON, person.type);
        assertEquals(org.id, person.parentId);

        InboxResult won = Inbound.deliver(signatures, close(partner, OpportunityClosedV1.Outcome.WON, null, false));
        assertEquals(InboxResult.Outcome.APPLIED, won.outcome(), won.error());
        Prospect approved = reload(partner.prospect());
        assertEquals(ProspectStatus.APPROVED, approved.status);
        assertEquals(Customer.Status.ACTIVE, find(org.id).status);
        assertEquals(Customer.Role.ADMIN, find(person.id).role);
        assertEquals(Customer.Status.PENDING_ACTIVATION, find(person.id).status);

        Mail approval = mailOf(partner, "Bienvenue parmi nos partenaires commerciaux");
        Matcher link = Pattern.compile("/portal/activate\\?token=([A-Za-z0-9_-]+)").matcher(approval.getText());
        assertTrue(link.find(), approval.getText());
        String token = link.group(1);
        Number stored = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from activation_token where token_hash = ?1").setParameter(1, token).getSingleResult());
        assertEquals(0, stored.intValue(), "only the hash of the token is stored");
        assertTrue(approval.getHtml().contains("token=" + token), "the sent mail's HTML has the same link");
        Object[] kept = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select body_text, body_html from mail_message where recipient = ?1 and kind = 'APPROVED'")
                .setParameter(1, partner.prospect().email).getSingleResult());
        for (Object body : kept) {
            assertFalse(body.toString().contains(token), "the mail kept for the Emails page holds no usable token");
            assertTrue(body.toString().contains("token=%ONE-TIME-TOKEN%"), body.toString());
        }

        assertEquals(200, given().get("/portal/activate?token=" + token).statusCode());
        Response tooShort = BrowserForm.open("/portal/activate?token=" + token, null).post("/portal/activate",
                Map.of("token", token, "password", "short", "passwordConfirmation", "short"));
        assertEquals(400, tooShort.statusCode());
        Response activated = BrowserForm.open("/portal/activate?token=" + token, null).post("/portal/activate",
                Map.of("token", token, "password", "correct horse battery", "passwordConfirmation",
                        "correct horse battery"));
        assertEquals(303, activated.statusCode(), "activated and signed in");
        assertEquals("/portal", activated.header("Location"));
        String session = activated.getCookie(SignIn.SESSION_COOKIE);
        assertNotNull(session, "the activation signs the partner in");
        assertTrue(given().cookie(SignIn.SESSION_COOKIE, session).get("/").asString()
                .contains(find(person.id).email), "signed in as the partner");
        assertEquals(Customer.Status.ACTIVE, find(person.id).status);
        assertTrue(find(person.id).passwordHash.startsWith("$2a$"));
        assertEquals(410, given().get("/portal/activate?token=" + token).statusCode(), "the link works once");

        InboxResult again = Inbound.deliver(signatures, close(partner, OpportunityClosedV1.Outcome.WON, null, false));
        assertEquals(InboxResult.Outcome.FAILED, again.outcome(), "approved is final");
        assertEquals(1, mailsTo(partner, "Bienvenue").size(), "one approval email");
    }

    @Test
    void lost_path_rejects_and_says_the_reason_only_when_shareable() {
        Partner shared = signUp("en");
        Inbound.deliver(signatures, qualify(shared));
        Inbound.deliver(signatures, close(shared, OpportunityClosedV1.Outcome.LOST, DecisionReason.LOST, true));
        assertEquals(ProspectStatus.REJECTED, reload(shared.prospect()).status);
        assertTrue(mailOf(shared, "Your partner application").getText().contains("Reason: Lost to another offer"));

        Partner internal = signUp("en");
        Inbound.deliver(signatures, qualify(internal));
        Inbound.deliver(signatures, close(internal, OpportunityClosedV1.Outcome.LOST, DecisionReason.LOST, false));
        assertFalse(mailOf(internal, "Your partner application").getText().contains("Reason"));
    }

    @Test
    void disqualify_path_rejects_a_new_prospect_and_emails_the_requester() {
        Partner partner = signUp("en");
        InboxResult result = Inbound.deliver(signatures, Inbound.event(TableMaps.LEAD_DECISIONS, "lead",
                partner.leadId(), EventTypes.LEAD_DISQUALIFIED, new LeadDisqualifiedV1(partner.leadId(), "L-1",
                        partner.prospect().id, partner.prospect().number, DecisionReason.NO_LONGER_INTERESTED, true,
                        "alice", "http://sales/leads/1")));
        assertEquals(InboxResult.Outcome.APPLIED, result.outcome(), result.error());
        Prospect rejected = reload(partner.prospect());
        assertEquals(ProspectStatus.REJECTED, rejected.status);
        assertEquals("NO_LONGER_INTERESTED", rejected.decisionReason);
        assertTrue(mailOf(partner, "Your partner application").getText().contains("No longer interested"));
    }

    @Test
    void illegal_decisions_fail_and_change_nothing() {
        Partner partner = signUp("en");
        InboxResult early = Inbound.deliver(signatures, close(partner, OpportunityClosedV1.Outcome.WON, null, false));
        assertEquals(InboxResult.Outcome.FAILED, early.outcome());
        assertTrue(early.error().contains("is NEW and cannot be approved"), early.error());
        assertEquals(ProspectStatus.NEW, reload(partner.prospect()).status);
        assertNull(reload(partner.prospect()).organizationCustomerId);
        assertEquals(0, count("dualwrite_inbox where event_type = 'opportunity.closed' and aggregate_id = '"
                + partner.leadId() + "'"), "a failed event is not recorded, so it can be retried");
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void organization_edits_go_to_sales_and_sales_edits_come_back_without_echo() {
        Partner partner = signUp("en");
        Inbound.deliver(signatures, qualify(partner));
        long orgId = reload(partner.prospect()).organizationCustomerId;
        long outboxBefore = count("dualwrite_outbox where event_type = 'organization.updated'");

        Map<String, String> edit = Map.of("name", "Acme Industrie SA", "street", "2 quai Perrache", "city", "Lyon",
                "postalCode", "69002", "countryCode", "FR", "vatNumber", "", "website", "",
                "version", Long.toString(find(orgId).version));
        Response saved = BrowserForm.open("/hq/customers/" + orgId, null).post("/hq/customers/" + orgId, edit);
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals("Acme Industrie SA", find(orgId).name);
        assertEquals(outboxBefore + 1, count("dualwrite_outbox where event_type = 'organization.updated'"));

        Response stale = BrowserForm.open("/hq/customers/" + orgId, null).post("/hq/customers/" + orgId, edit);
        assertEquals(409, stale.statusCode(), "the form's version is no longer current");

        Map<String, String> unchanged = new java.util.HashMap<>(edit);
        unchanged.put("version", Long.toString(find(orgId).version));
        long notesBefore = count("timeline_entry where record_type = 'customer' and record_id = '" + orgId + "'");
        Response same = BrowserForm.open("/hq/customers/" + orgId, null).post("/hq/customers/" + orgId, unchanged);
        assertEquals(303, same.statusCode(), same.asString());
        assertEquals(outboxBefore + 1, count("dualwrite_outbox where event_type = 'organization.updated'"),
                "saving the form unchanged sends nothing");
        assertEquals(notesBefore, count("timeline_entry where record_type = 'customer' and record_id = '" + orgId + "'"));

        Map<String, String> invalid = new java.util.HashMap<>(edit);
        invalid.put("name", "");
        invalid.put("version", Long.toString(find(orgId).version));
        Response refused = BrowserForm.open("/hq/customers/" + orgId, null).post("/hq/customers/" + orgId, invalid);
        assertEquals(400, refused.statusCode());
        assertEquals("This field is required.", Jsoup.parse(refused.asString()).select("#name-error").text());

        InboxResult fromSales = Inbound.deliver(signatures, Inbound.event(TableMaps.ACCOUNTS_TO_CUSTOMERS, "account",
                partner.accountId(), EventTypes.ACCOUNT_UPDATED, new AccountUpdatedV1(partner.accountId(), "A-1",
                        new CompanyInfo("Acme Groupe", "2 quai Perrache", "Lyon", "69002", "FR", null, null), "alice")));
        assertEquals(InboxResult.Outcome.APPLIED, fromSales.outcome(), fromSales.error());
        assertEquals("Acme Groupe", find(orgId).name);
        assertEquals(outboxBefore + 1, count("dualwrite_outbox where event_type = 'organization.updated'"),
                "a change from Sales is not sent back");
    }

    @Test
    void a_decision_and_an_edit_of_its_new_account_in_one_batch_apply_in_order() {
        Partner partner = signUp("en");
        EventEnvelope edit = Inbound.event(TableMaps.ACCOUNTS_TO_CUSTOMERS, "account", partner.accountId(),
                EventTypes.ACCOUNT_UPDATED, new AccountUpdatedV1(partner.accountId(), "A-1",
                        new CompanyInfo("Acme Batch SA", "1 rue A", "Lyon", "69001", "FR", null, null), "alice"));

        List<InboxResult> results = Inbound.deliverAll(signatures, List.of(qualify(partner), edit));

        assertEquals(List.of(InboxResult.Outcome.APPLIED, InboxResult.Outcome.APPLIED),
                results.stream().map(InboxResult::outcome).toList(), results.toString());
        long orgId = reload(partner.prospect()).organizationCustomerId;
        assertEquals(Long.toString(orgId), results.get(1).remoteId(),
                "the edit finds the customer the decision created and linked earlier in the same batch");
        assertEquals("Acme Batch SA", find(orgId).name);
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void staff_resends_an_email_and_it_is_logged() {
        Partner partner = signUp("en");
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(partner, "We received").isEmpty());
        long mailId = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from mail_message where prospect_id = ?1").setParameter(1, partner.prospect().id)
                .getSingleResult())).longValue();
        Response resent = BrowserForm.open("/hq/emails", null).post("/hq/emails/" + mailId + "/resend", Map.of());
        assertEquals(303, resent.statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(partner, "We received").size() == 2);
        assertEquals(1, count("mail_message where resend_of = " + mailId));
        assertEquals(1, count("timeline_entry where record_type = 'prospect' and record_id = '" + partner.prospect().id
                + "' and message_key = 'timeline.mail.resent'"));
    }

    private Partner signUp(String language) {
        Map<String, String> form = Signups.valid();
        form.put("companyName", "Acme Industrie");
        Response response = BrowserForm.open("/partner-signup", language).post("/partner-signup", form);
        assertEquals(303, response.statusCode());
        String number = response.header("Location").replaceAll(".*ref=", "");
        Prospect prospect = QuarkusTransaction.requiringNew().call(() -> Prospect.find("number", number).firstResult());
        return new Partner(prospect, IDS.incrementAndGet(), IDS.incrementAndGet(), IDS.incrementAndGet(),
                IDS.incrementAndGet());
    }

    private static onboarding.model.EventEnvelope qualify(Partner p) {
        return Inbound.event(TableMaps.LEAD_DECISIONS, "lead", p.leadId(), EventTypes.LEAD_QUALIFIED,
                new LeadQualifiedV1(p.leadId(), "L-" + p.leadId(), p.prospect().id, p.prospect().number,
                        p.opportunityId(), "O-" + p.opportunityId(),
                        new AccountRecord(p.accountId(), "A-" + p.accountId(), new CompanyInfo("Acme Industrie",
                                "1 rue A", "Lyon", "69001", "FR", p.prospect().vatNumber, null)),
                        new ContactRecord(p.contactId(), "C-" + p.contactId(), new ContactInfo("Claire", "Dupont",
                                p.prospect().email, "+33 4 72 00 00 00")),
                        "alice", "http://127.0.0.1:8081/leads/" + p.leadId()));
    }

    private static onboarding.model.EventEnvelope close(Partner p, OpportunityClosedV1.Outcome outcome,
            DecisionReason reason, boolean shareable) {
        return Inbound.event(TableMaps.OPPORTUNITY_OUTCOMES, "lead", p.leadId(), EventTypes.OPPORTUNITY_CLOSED,
                new OpportunityClosedV1(p.opportunityId(), "O-" + p.opportunityId(), p.leadId(), p.prospect().id,
                        p.prospect().number, outcome, reason, shareable, p.accountId(), p.contactId(), "alice",
                        "http://127.0.0.1:8081/opportunities/" + p.opportunityId()));
    }

    private Mail mailOf(Partner partner, String subjectStart) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(partner, subjectStart).isEmpty());
        return mailsTo(partner, subjectStart).get(0);
    }

    private List<Mail> mailsTo(Partner partner, String subjectStart) {
        return mailbox.getMailsSentTo(partner.prospect().email).stream()
                .filter(m -> m.getSubject().startsWith(subjectStart)).toList();
    }

    private static Prospect reload(Prospect prospect) {
        return QuarkusTransaction.requiringNew().call(() -> Prospect.findById(prospect.id));
    }

    private static Customer find(Long id) {
        assertNotNull(id);
        return QuarkusTransaction.requiringNew().call(() -> Customer.findById(id));
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + fromWhere).getSingleResult()).longValue());
    }
}
