package onboarding.sales.dualwrite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import onboarding.bridge.alert.AlertEvaluator;
import onboarding.bridge.relay.Relay;
import onboarding.model.TableMaps;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.FakeCommerceTransport;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert rules of the dual-write console (in the bridge, tested through Sales): the rule form with its validation,
 * CSRF, stale pages; the evaluator firing once at the threshold on errors the relay recorded, mailing once, pausing
 * the map, staying FIRING, clearing below the threshold; only sales managers may use it.
 */
@QuarkusTest
@TestSecurity(user = "maria", roles = { "salesperson", "sales-manager" })
class AlertRulesTest {

    private static final String MAP = TableMaps.CONTACTS_TO_CUSTOMERS;
    private static final String NEW = "/dualwrite/console/alerts/rules/new";

    @Inject
    Rows rows;

    @Inject
    Relay relay;

    @Inject
    AlertEvaluator evaluator;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void deliverWhatOtherTestsLeft() {
        relay.drain();
    }

    @AfterEach
    void cleanUp() {
        FakeCommerceTransport.refusing = null;
        rows.execute("UPDATE dualwrite_alert SET cleared_at = now() WHERE cleared_at IS NULL");
        rows.execute("DELETE FROM dualwrite_alert_rule");
        rows.execute("DELETE FROM dualwrite_error");
        rows.execute("UPDATE dualwrite_outbox SET status = 'SKIPPED' WHERE aggregate_type = 'alert-test'");
        rows.execute("UPDATE dualwrite_map SET state = 'RUNNING' WHERE name = '" + MAP + "'");
    }

    @Test
    void rules_are_validated_created_edited_switched_and_deleted() {
        long before = rows.count("dualwrite_alert_rule");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("threshold", "3").formParam("windowMinutes", "15").formParam("pauseMap", "on")
                .post("/dualwrite/console/alerts/rules").then().statusCode(400);
        assertEquals(before, rows.count("dualwrite_alert_rule"), "no CSRF token: nothing stored");

        Response invalid = BrowserForm.open(NEW).submit("#rule-form", Map.of("tableMap", "no-such-map",
                "threshold", "ten", "windowMinutes", "5000", "email", "not-an-address", "language", "de"));
        assertEquals(400, invalid.statusCode());
        Document page = Jsoup.parse(invalid.asString());
        assertEquals("Choose a table map from the list.", page.select("#tableMap-error").text());
        assertEquals("Enter a whole number of errors from 1 to 100000.", page.select("#threshold-error").text());
        assertEquals("Enter a whole number of minutes from 1 to 1440.", page.select("#windowMinutes-error").text());
        assertEquals("Enter a valid email address, like name@company.com.", page.select("#email-error").text());
        assertEquals("Choose English or French.", page.select("#language-error").text());
        assertEquals("ten", page.select("#threshold").val(), "what was typed is kept");

        Response noAction = BrowserForm.open(NEW).submit("#rule-form", Map.of("email", ""));
        assertEquals(400, noAction.statusCode());
        assertTrue(Jsoup.parse(noAction.asString()).select("#email-error").text().startsWith("Enter an email address, or tick"));
        assertEquals(before, rows.count("dualwrite_alert_rule"), "bad input: nothing stored");

        String email = "ops-" + UUID.randomUUID() + "@sales.example";
        assertEquals(303, BrowserForm.open(NEW).submit("#rule-form", Map.of("tableMap", MAP, "threshold", "3",
                "windowMinutes", "15", "email", email, "pauseMap", "on")).statusCode());
        long id = number("SELECT id FROM dualwrite_alert_rule WHERE email = '" + email + "'");
        assertEquals(1L, rows.count("dualwrite_alert_rule WHERE id = ?1 AND table_map = ?2 AND threshold = 3"
                + " AND window_minutes = 15 AND pause_map AND enabled AND language = 'en'", id, MAP));
        String row = console().select("#rules tr[data-rule=" + id + "]").text();
        assertTrue(row.contains("3 errors in 15 min") && row.contains("email " + email) && row.contains("pause the map"), row);

        String edit = "/dualwrite/console/alerts/rules/" + id;
        BrowserForm stale = BrowserForm.open(edit);
        assertEquals(303, BrowserForm.open(edit).submit("#rule-form", Map.of("threshold", "5")).statusCode());
        assertEquals(409, stale.submit("#rule-form", Map.of("threshold", "7")).statusCode(), "edited meanwhile");
        assertEquals(1L, rows.count("dualwrite_alert_rule WHERE id = ?1 AND threshold = 5", id));
        assertEquals(400, BrowserForm.open(edit).submit("#rule-form", Map.of("windowMinutes", "0")).statusCode());
        assertEquals(1L, rows.count("dualwrite_alert_rule WHERE id = ?1 AND window_minutes = 15", id));

        BrowserForm list = BrowserForm.open("/dualwrite");
        Map<String, String> version = Map.of("version", list.page().select("#rules tr[data-rule=" + id
                + "] input[name=version]").first().val());
        assertEquals(303, list.post(edit + "/disable", version).statusCode());
        assertEquals(1L, rows.count("dualwrite_alert_rule WHERE id = ?1 AND NOT enabled", id));
        assertEquals(409, list.post(edit + "/disable", version).statusCode(), "stale page: already disabled");
        BrowserForm again = BrowserForm.open("/dualwrite");
        assertEquals(303, again.submit("form[action=" + edit + "/enable]", Map.of()).statusCode());
        assertEquals(303, BrowserForm.open("/dualwrite").submit("form[action=" + edit + "/delete]", Map.of()).statusCode());
        assertEquals(0L, rows.count("dualwrite_alert_rule WHERE id = ?1", id));
        assertEquals(409, given().redirects().follow(false).get(edit).statusCode(), "deleted");
    }

    @Test
    void an_alert_fires_once_at_the_threshold_mails_once_pauses_the_map_and_clears_below_it() {
        String email = "ops-" + UUID.randomUUID() + "@sales.example";
        assertEquals(303, BrowserForm.open(NEW).submit("#rule-form", Map.of("tableMap", MAP, "threshold", "3",
                "windowMinutes", "15", "email", email, "pauseMap", "on")).statusCode());
        long rule = number("SELECT id FROM dualwrite_alert_rule WHERE email = '" + email + "'");

        // Commerce refuses what the relay delivers: each failed attempt is an error of the map
        FakeCommerceTransport.refusing = "no customer is linked to contact C-1";
        List<String> events = List.of(outboxEvent(), outboxEvent());
        relay.drain();
        assertEquals(2L, rows.count("dualwrite_error WHERE table_map = ?1", MAP));
        assertEquals(1L, rows.count("dualwrite_error WHERE event_id = cast(?1 AS uuid) AND message = ?2", events.get(0),
                "no customer is linked to contact C-1"));
        evaluator.evaluate();
        assertEquals(0L, rows.count("dualwrite_alert WHERE rule_id = ?1", rule), "below the threshold");

        outboxEvent();
        relay.drain();
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.count("dualwrite_alert WHERE rule_id = ?1", rule) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.count("dualwrite_alert WHERE rule_id = ?1"
                + " AND mail_status = 'SENT'", rule) == 1);
        assertEquals(1L, rows.count("dualwrite_alert WHERE rule_id = ?1 AND table_map = ?2 AND error_count = 3"
                + " AND paused AND cleared_at IS NULL", rule, MAP));
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        Mail mail = mailbox.getMailsSentTo(email).get(0);
        assertEquals("[Dual-write Sales] " + MAP + ": 3 delivery errors in 15 min", mail.getSubject());
        assertTrue(mail.getText().contains("Last error: no customer is linked to contact C-1"), mail.getText());
        assertTrue(mail.getText().contains("The map " + MAP + " has been paused"), mail.getText());
        assertTrue(mail.getText().contains("http://127.0.0.1:8081/dualwrite"), mail.getText());

        assertTrue(given().get("/q/metrics").asString().contains("dualwrite_alerts_fired_total"), "metric");

        Document console = console();
        assertEquals("PAUSED", console.select("tr[data-map=" + MAP + "] .badge").first().text(), "paused as by hand");
        assertEquals("ALERT", console.select("tr[data-map=" + MAP + "] .alert-badge").text());
        String alertRow = console.select("#alert-list tr[data-rule=" + rule + "]").text();
        assertTrue(alertRow.contains("Firing") && alertRow.contains("sent " + email), alertRow);

        // more errors while FIRING: no second alert, no second mail
        rows.execute("INSERT INTO dualwrite_error (table_map, event_id, record, message) VALUES ('" + MAP + "', '"
                + UUID.randomUUID() + "', 'alert-test x', 'again')");
        evaluator.evaluate();
        evaluator.evaluate();
        assertEquals(1L, rows.count("dualwrite_alert WHERE rule_id = ?1", rule));
        assertEquals(1, mailbox.getMailsSentTo(email).size());

        // the window moves on: the count falls below the threshold and the alert clears
        rows.execute("UPDATE dualwrite_error SET occurred_at = now() - interval '20 minutes' WHERE table_map = '" + MAP + "'");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                rows.count("dualwrite_alert WHERE rule_id = ?1 AND cleared_at IS NOT NULL", rule) == 1);
        assertTrue(console().select("tr[data-map=" + MAP + "] .alert-badge").isEmpty(), "no badge once cleared");
        assertTrue(console().select("#alert-list tr[data-rule=" + rule + "]").text().contains("Cleared"));

        // acknowledged once; a second time is a stale page
        long alert = number("SELECT id FROM dualwrite_alert WHERE rule_id = " + rule);
        BrowserForm page = BrowserForm.open("/dualwrite");
        assertEquals(303, page.post("/dualwrite/console/alerts/" + alert + "/acknowledge", Map.of()).statusCode());
        assertEquals(409, page.post("/dualwrite/console/alerts/" + alert + "/acknowledge", Map.of()).statusCode());
        assertEquals("maria", rows.value("SELECT acknowledged_by FROM dualwrite_alert WHERE id = ?1", alert));
    }

    @Test
    void an_alert_mail_a_crashed_process_did_not_send_is_sent_by_the_next_round() {
        String email = "ops-" + UUID.randomUUID() + "@sales.example";
        // as a process leaves it when it dies between firing the alert and sending its mail
        long alert = alertMail(email, "SENDING", "3 minutes", "3 minutes");
        long recent = alertMail(email, "SENDING", "0 minutes", "0 minutes");

        evaluator.evaluate();
        evaluator.evaluate();

        assertEquals(1, mailbox.getMailsSentTo(email).size(), "sent once, and only the abandoned one");
        assertEquals("SENT", mailStatus(alert));
        assertEquals("SENDING", mailStatus(recent), "a mail being sent right now is not taken over");
        rows.execute("UPDATE dualwrite_alert SET mail_status = 'SENT' WHERE id = " + recent);
    }

    @Test
    void an_alert_mail_the_mail_server_refused_is_tried_again_for_a_day() {
        String email = "ops-" + UUID.randomUUID() + "@sales.example";
        long failed = alertMail(email, "FAILED", "3 minutes", "3 minutes");
        long old = alertMail(email, "FAILED", "3 minutes", "2 days");

        evaluator.evaluate();
        evaluator.evaluate();

        assertEquals(1, mailbox.getMailsSentTo(email).size(), "sent once, and only the recent one");
        assertEquals("SENT", mailStatus(failed));
        assertEquals("FAILED", mailStatus(old), "given up a day after the alert fired");
    }

    /** An alert (of no rule) whose mail to {@code email} was last attempted and fired the given intervals ago. */
    private long alertMail(String email, String mailStatus, String attemptedAgo, String firedAgo) {
        return number("INSERT INTO dualwrite_alert (table_map, error_count, threshold, window_minutes, last_error,"
                + " mail_to, mail_status, mail_attempt_at, fired_at) VALUES ('" + MAP + "', 12, 10, 15, 'timeout', '"
                + email + "', '" + mailStatus + "', now() - interval '" + attemptedAgo + "', now() - interval '"
                + firedAgo + "') RETURNING id");
    }

    private Object mailStatus(long alert) {
        return rows.value("SELECT mail_status FROM dualwrite_alert WHERE id = ?1", alert);
    }

    @Test
    @TestSecurity(user = "alice", roles = "salesperson")
    void salespeople_are_refused() {
        given().redirects().follow(false).get(NEW).then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("threshold", "1")
                .post("/dualwrite/console/alerts/rules").then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post("/dualwrite/console/alerts/1/acknowledge").then().statusCode(403);
    }

    /** An outgoing event of the map, written as the outbox does; returns its event id. */
    private String outboxEvent() {
        String eventId = UUID.randomUUID().toString();
        rows.execute("INSERT INTO dualwrite_outbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type,"
                + " schema_version, origin, payload) VALUES ('" + eventId + "', '" + MAP + "', 'alert-test', '"
                + eventId + "', 1, 'contact.updated', 1, 'SALES', '{}')");
        return eventId;
    }

    private Document console() {
        return Jsoup.parse(given().get("/dualwrite").then().statusCode(200).extract().asString());
    }

    private long number(String sql, Object... params) {
        return ((Number) rows.value(sql, params)).longValue();
    }
}
