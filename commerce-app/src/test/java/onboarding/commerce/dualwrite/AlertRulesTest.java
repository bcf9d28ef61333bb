package onboarding.commerce.dualwrite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import onboarding.commerce.support.BrowserForm;
import onboarding.model.TableMaps;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alert rules in Commerce: the bridge's alert email goes out through Commerce's mailer, here in French; the rule
 * form refuses bad input in French; staff without the admin role are refused.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = { "staff", "admin" })
class AlertRulesTest {

    @Inject
    EntityManager em;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void cleanUp() {
        execute("UPDATE dualwrite_alert SET cleared_at = now() WHERE cleared_at IS NULL");
        execute("DELETE FROM dualwrite_alert_rule");
        execute("DELETE FROM dualwrite_error");
    }

    @Test
    void a_french_rule_mails_the_operator_in_french_through_the_commerce_mailer() {
        BrowserForm form = BrowserForm.open("/dualwrite/console/alerts/rules/new", "fr");
        String invalid = form.post("/dualwrite/console/alerts/rules", Map.of("threshold", "0", "windowMinutes", "15",
                "language", "fr")).then().statusCode(400).extract().asString();
        assertEquals("Saisissez un nombre entier d'erreurs de 1 à 100000.",
                Jsoup.parse(invalid).select("#threshold-error").text());
        assertEquals(0L, number("SELECT count(*) FROM dualwrite_alert_rule"), "nothing stored");

        String email = "ops-" + UUID.randomUUID() + "@commerce.example";
        assertEquals(303, form.post("/dualwrite/console/alerts/rules", Map.of("tableMap", "", "threshold", "2",
                "windowMinutes", "10", "email", email, "language", "fr", "enabled", "on")).statusCode());
        for (int i = 0; i < 2; i++) {
            execute("INSERT INTO dualwrite_error (table_map, event_id, record, message) VALUES ('"
                    + TableMaps.PROSPECTS_TO_LEADS + "', '" + UUID.randomUUID() + "', 'prospect 1', 'Sales: HTTP 500')");
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                number("SELECT count(*) FROM dualwrite_alert WHERE mail_to = '" + email + "' AND mail_status = 'SENT'") == 1);
        Mail mail = mailbox.getMailsSentTo(email).get(0);
        assertEquals("[Double écriture Commerce] prospects-to-leads : 2 erreurs de livraison en 10 min", mail.getSubject());
        assertTrue(mail.getText().contains("Dernière erreur : Sales: HTTP 500"), mail.getText());
        assertEquals(0L, number("SELECT count(*) FROM dualwrite_map WHERE name = 'prospects-to-leads' AND state = 'PAUSED'"),
                "this rule does not pause");
        String row = Jsoup.parse(given().header("Accept-Language", "fr").get("/dualwrite").asString())
                .select("#alert-list tr").text();
        assertTrue(row.contains("Active") && row.contains("envoyé " + email), row);
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void staff_without_the_admin_role_are_refused() {
        given().redirects().follow(false).get("/dualwrite/console/alerts/rules/new").then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("threshold", "1")
                .post("/dualwrite/console/alerts/rules").then().statusCode(403);
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }
}
