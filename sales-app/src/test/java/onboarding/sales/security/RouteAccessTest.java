package onboarding.sales.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onboarding.sales.support.SignIn;
import onboarding.ui.security.Sessions;
import onboarding.ui.security.StaffDirectory;
import onboarding.ui.security.Tokens;
import onboarding.ui.testing.AccessMatrix;
import onboarding.ui.testing.AccessMatrix.Visitor;
import onboarding.ui.testing.Routes;
import onboarding.ui.testing.Routes.Route;
import org.junit.jupiter.api.Test;

/**
 * Who may use which route of Sales, for every route the app serves (found from its classes: a new route without a
 * rule here fails this test), as anonymous, salesperson, sales manager (operator) and with a Commerce session cookie.
 */
@QuarkusTest
class RouteAccessTest {

    static final AccessMatrix RULES = new AccessMatrix("sales-csrf-token", "lead-decisions")
            .rule("/login|/logout|/j_security_check", "public")
            .rule("/dualwrite|/dualwrite/console(/.*)?", "operator")
            .rule("/.*", "sales");

    @Inject
    Sessions sessions;

    private List<Visitor> visitors() {
        return List.of(
                new Visitor("anonymous", Map.of(), Set.of("public"), false),
                new Visitor("salesperson", cookie(sessions.start(StaffDirectory.REALM, "alice", "127.0.0.1", "test")),
                        Set.of("public", "sales"), true),
                new Visitor("manager", cookie(sessions.start(StaffDirectory.REALM, "maria", "127.0.0.1", "test")),
                        Set.of("public", "sales", "operator"), true),
                new Visitor("Commerce cookie", Map.of("commerce-session", Tokens.random()), Set.of("public"), false));
    }

    @Test
    void every_route_of_the_app_has_a_rule() {
        List<Route> routes = Routes.all();
        assertTrue(routes.contains(new Route("POST", "/leads/{id}/qualify")), routes.toString());
        assertTrue(routes.contains(new Route("GET", "/dualwrite")), "the bridge's routes are found too: " + routes);
        assertEquals(List.of(), RULES.unruled(routes), "routes without an access rule in this test");
    }

    @Test
    void every_route_answers_each_kind_of_visitor_as_its_rule_says() {
        assertEquals(List.of(), RULES.violations(Routes.all(), visitors()));
    }

    @Test
    void no_unsafe_request_without_the_csrf_token_is_accepted_whatever_its_content_type() {
        assertEquals(List.of(), RULES.csrfViolations(Routes.all(), visitors()));
    }

    private static Map<String, String> cookie(String session) {
        return Map.of(SignIn.SESSION_COOKIE, session);
    }
}
