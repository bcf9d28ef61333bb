package onboarding.commerce.security;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Answers that give an attacker nothing: security headers everywhere, odd paths answered at once, no stray rows. */
@QuarkusTest
class HardeningTest {

    @Inject
    EntityManager em;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/partner-signup", "/login", "/ui/app.css", "/hq/prospects", "/no/such/page",
            "/q/health/ready" })
    void every_answer_has_the_security_headers(String path) {
        Response answer = given().redirects().follow(false).get(path);
        String csp = answer.header("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline"), path + ": " + csp);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
        assertEquals("DENY", answer.header("X-Frame-Options"), path);
        assertEquals("same-origin", answer.header("Referrer-Policy"), path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/hq;x/prospects", "/hq/prospects;jsessionid=1", "/dualwrite;x", "/hq;/emails" })
    void paths_with_matrix_parameters_are_answered_at_once(String path) {
        Response answer = given().redirects().follow(false).get(path);
        assertTrue(answer.statusCode() == 302 || answer.statusCode() == 404 || answer.statusCode() == 400,
                path + ": " + answer.statusCode());
        assertTrue(answer.statusCode() != 302 || answer.header("Location").startsWith("/login"), path);
    }

    @Test
    @TestSecurity(user = "admin", roles = { "staff", "admin" })
    void pausing_a_map_that_does_not_exist_is_a_404_and_leaves_no_row() {
        Response answer = BrowserForm.open("/dualwrite", null).post("/dualwrite/console/maps/no-such-map/pause", Map.of());
        assertEquals(404, answer.statusCode());
        Number rows = (Number) QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select count(*) from dualwrite_map where name = 'no-such-map'").getSingleResult());
        assertEquals(0, rows.intValue());
    }
}
