package onboarding.sales.security;

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
import onboarding.ui.testing.RouteAccessContract;
import onboarding.ui.testing.Routes.Route;

/**
 * Who may use which route of Sales, for every route the app serves (found from its classes: a new route without a
 * rule here fails this test), as anonymous, salesperson, sales manager (operator) and with a Commerce session cookie.
 */
@QuarkusTest
class RouteAccessTest extends RouteAccessContract {

    static final AccessMatrix RULES = new AccessMatrix("sales-csrf-token", "lead-decisions")
            .rule("/login|/logout|/j_security_check", "public")
            .rule("/dualwrite|/dualwrite/console(/.*)?", "operator")
            .rule("/.*", "sales");

    @Inject
    Sessions sessions;

    @Override
    protected List<Visitor> visitors() {
        return List.of(
                new Visitor("anonymous", Map.of(), Set.of("public"), false),
                new Visitor("salesperson", cookie(sessions.start(StaffDirectory.REALM, "alice", "127.0.0.1", "test")),
                        Set.of("public", "sales"), true),
                new Visitor("manager", cookie(sessions.start(StaffDirectory.REALM, "maria", "127.0.0.1", "test")),
                        Set.of("public", "sales", "operator"), true),
                new Visitor("Commerce cookie", Map.of("commerce-session", Tokens.random()), Set.of("public"), false));
    }

    @Override
    protected AccessMatrix rules() {
        return RULES;
    }

    @Override
    protected List<Route> expectedAmongRoutes() {
        return List.of(new Route("POST", "/leads/{id}/qualify"), new Route("GET", "/dualwrite"));
    }

    private static Map<String, String> cookie(String session) {
        return Map.of(SignIn.SESSION_COOKIE, session);
    }
}
