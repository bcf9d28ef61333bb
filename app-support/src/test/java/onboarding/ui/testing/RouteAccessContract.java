package onboarding.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import onboarding.ui.testing.AccessMatrix.Visitor;
import onboarding.ui.testing.Routes.Route;
import org.junit.jupiter.api.Test;

/**
 * The route × visitor tests every app runs (a {@code @QuarkusTest} subclass gives the app's rules and visitors): every
 * route the app serves has a rule, answers each kind of visitor as the rule says, and refuses an unsafe request
 * without the CSRF token whatever its content type.
 */
public abstract class RouteAccessContract {

    /** The app's access rules, by path. */
    protected abstract AccessMatrix rules();

    /** The kinds of visitor, each with a live session where it has one. */
    protected abstract List<Visitor> visitors();

    /** Routes that must be among those found (proof that the search sees the app's and the bridge's classes). */
    protected abstract List<Route> expectedAmongRoutes();

    @Test
    void every_route_of_the_app_has_a_rule() {
        List<Route> routes = Routes.all();
        for (Route expected : expectedAmongRoutes()) {
            assertTrue(routes.contains(expected), expected + " not among " + routes);
        }
        assertEquals(List.of(), rules().unruled(routes), "routes without an access rule");
    }

    @Test
    void every_route_answers_each_kind_of_visitor_as_its_rule_says() {
        assertEquals(List.of(), rules().violations(Routes.all(), visitors()));
    }

    @Test
    void no_unsafe_request_without_the_csrf_token_is_accepted_whatever_its_content_type() {
        assertEquals(List.of(), rules().csrfViolations(Routes.all(), visitors()));
    }
}
