package onboarding.commerce.dualwrite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Signups;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The operator console: maps with their backlog, pause/resume, dead events with retry and skip. */
@QuarkusTest
@TestSecurity(user = "admin", roles = { "staff", "admin" })
class ConsoleTest {

    @Inject
    EntityManager em;

    @Test
    void the_console_shows_the_backlog_and_steers_maps_and_dead_events() {
        Response signup = BrowserForm.open("/partner-signup", null).post("/partner-signup", Signups.valid());
        assertEquals(303, signup.statusCode());
        long eventId = number("select max(id) from dualwrite_outbox where event_type = 'prospect.submitted'");

        Document console = Jsoup.parse(given().get("/dualwrite").then().statusCode(200).extract().asString());
        assertTrue(Long.parseLong(console.select("tr[data-map=prospects-to-leads] td").get(2).text()) >= 1,
                "backlog of prospects-to-leads");

        assertEquals(303, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/maps/prospects-to-leads/pause", Map.of()).statusCode());
        assertEquals("PAUSED", Jsoup.parse(given().get("/dualwrite").asString())
                .select("tr[data-map=prospects-to-leads] .badge").first().text());
        assertEquals(303, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/maps/prospects-to-leads/resume", Map.of()).statusCode());

        execute("update dualwrite_outbox set status = 'DEAD', attempts = 10, last_error = 'boom' where id = " + eventId);
        Document dead = Jsoup.parse(given().get("/dualwrite").asString());
        assertTrue(dead.select("#problems tr[data-event=" + eventId + "]").text().contains("boom"));
        assertEquals(303, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/events/" + eventId + "/retry", Map.of()).statusCode());
        assertEquals("PENDING", text("select status from dualwrite_outbox where id = " + eventId));
        assertEquals(409, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/events/" + eventId + "/skip", Map.of()).statusCode(), "only dead events");

        execute("update dualwrite_outbox set status = 'DEAD' where id = " + eventId);
        assertEquals(303, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/events/" + eventId + "/skip", Map.of()).statusCode());
        assertEquals("SKIPPED", text("select status from dualwrite_outbox where id = " + eventId));

        Document log = Jsoup.parse(given().get("/dualwrite/console/maps/prospects-to-leads?status=SKIPPED").asString());
        assertTrue(log.select("#events tr[data-event=" + eventId + "]").size() == 1);
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).getSingleResult());
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }
}
