package onboarding.commerce.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.portal.PartnerDirectory;
import onboarding.commerce.support.SignIn;
import onboarding.ui.security.Sessions;
import onboarding.ui.security.StaffDirectory;
import onboarding.ui.security.Tokens;
import onboarding.ui.testing.AccessMatrix;
import onboarding.ui.testing.AccessMatrix.Visitor;
import onboarding.ui.testing.RouteAccessContract;
import onboarding.ui.testing.Routes.Route;

/**
 * Who may use which route of Commerce, for every route the app serves (found from its classes: a new route without
 * a rule here fails this test), as anonymous, staff, operator, partner user, and with a Sales session cookie.
 */
@QuarkusTest
class RouteAccessTest extends RouteAccessContract {

    static final AccessMatrix RULES = new AccessMatrix(SignIn.CSRF_COOKIE, "prospects-to-leads")
            .rule("/", "public")
            .rule("/login|/logout|/j_security_check", "public")
            .rule("/partner-signup(/.*)?", "public")
            .rule("/portal/activate", "public")
            .rule("/portal/password-reset(/.*)?", "public")
            .rule("/portal(/.*)?", "partner")
            .rule("/hq(/.*)?", "staff")
            .rule("/dualwrite|/dualwrite/console(/.*)?", "operator");

    @Inject
    Sessions sessions;

    @Override
    protected List<Visitor> visitors() {
        return List.of(
                new Visitor("anonymous", Map.of(), Set.of("public"), false),
                new Visitor("staff", cookie(sessions.start(StaffDirectory.REALM, "hq", "127.0.0.1", "test")),
                        Set.of("public", "staff"), true),
                new Visitor("operator", cookie(sessions.start(StaffDirectory.REALM, "admin", "127.0.0.1", "test")),
                        Set.of("public", "staff", "operator"), true),
                new Visitor("partner", cookie(sessions.start(PartnerDirectory.REALM, partner().toString(), "127.0.0.1",
                        "test")), Set.of("public", "partner"), true),
                new Visitor("Sales cookie", Map.of("sales-session", Tokens.random()), Set.of("public"), false));
    }

    @Override
    protected AccessMatrix rules() {
        return RULES;
    }

    @Override
    protected List<Route> expectedAmongRoutes() {
        return List.of(new Route("POST", "/login"), new Route("GET", "/dualwrite"), new Route("GET", "/hq/prospects/{id}"));
    }

    private static Map<String, String> cookie(String session) {
        return Map.of(SignIn.SESSION_COOKIE, session);
    }

    /** An active partner user of an approved organisation. */
    private static Long partner() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer org = Customer.create(Customer.Type.ORGANIZATION);
            org.name = "Route Test GmbH";
            org.status = Customer.Status.ACTIVE;
            org.persist();
            Customer person = Customer.create(Customer.Type.PERSON);
            person.firstName = "Rita";
            person.lastName = "Route";
            person.name = "Rita Route";
            person.email = "rita." + org.id + "@route-test.example";
            person.parentId = org.id;
            person.role = Customer.Role.ADMIN;
            person.status = Customer.Status.ACTIVE;
            person.passwordHash = BcryptUtil.bcryptHash("not used here at all");
            person.persist();
            return person.id;
        });
    }
}
