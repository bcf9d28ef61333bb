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
        assertTrue(Long.parseLong(console.select("tr[data-map=prospects-to-leads] td").get(3).text()) >= 1,
                "backlog of prospects-to-leads");
        assertEquals("here → Sales", console.select("tr[data-map=prospects-to-leads] .direction").text());
        assertEquals("Sales → here", console.select("tr[data-map=lead-decisions] .direction").text());

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

    @Test
    void initial_sync_copies_every_prospect_in_batches_and_can_run_again() {
        for (int i = 0; i < 3; i++) {
            assertEquals(303, BrowserForm.open("/partner-signup", null).post("/partner-signup", Signups.valid()).statusCode());
        }
        long prospects = number("select count(*) from prospect");
        long before = number("select count(*) from dualwrite_outbox where event_type = 'prospect.submitted'");

        assertEquals(303, BrowserForm.open("/dualwrite", null)
                .post("/dualwrite/console/maps/prospects-to-leads/sync", Map.of()).statusCode());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "DONE".equals(text("select state from dualwrite_sync where table_map = 'prospects-to-leads'")));
        assertEquals(prospects, number("select done from dualwrite_sync where table_map = 'prospects-to-leads'"));
        assertEquals(before + prospects, number("select count(*) from dualwrite_outbox where event_type = 'prospect.submitted'"),
                "one copy per prospect, through the outbox");
        Document console = Jsoup.parse(given().get("/dualwrite").asString());
        assertTrue(console.select("#syncs tr[data-sync=prospects-to-leads]").text().contains(prospects + " / " + prospects));

        // a crash mid-sync leaves a RUNNING row with the last committed key: starting the app resumes from there
        execute("update dualwrite_sync set state = 'RUNNING', done = 1, last_key = "
                + "(select min(id) from prospect) where table_map = 'prospects-to-leads'");
        long beforeResume = number("select count(*) from dualwrite_outbox where event_type = 'prospect.submitted'");
        sync.runPending();
        assertEquals(beforeResume + prospects - 1,
                number("select count(*) from dualwrite_outbox where event_type = 'prospect.submitted'"),
                "resumed after the last committed batch");
    }

    @Inject
    onboarding.bridge.sync.InitialSync sync;

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
