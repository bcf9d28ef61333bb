package onboarding.commerce.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import onboarding.ui.security.AppUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Who may see what in Commerce: the B2B site is public, the back office is for staff. */
@QuarkusTest
class AccessTest {

    @ParameterizedTest
    @ValueSource(strings = { "/hq/prospects", "/hq/prospects/1", "/hq/emails", "/hq/customers" })
    void the_back_office_sends_anonymous_visitors_to_the_sign_in_page(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").startsWith("/login?next="), response.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/partner-signup", "/partner-signup/thanks", "/login", "/q/health/ready" })
    void the_b2b_site_is_public(String path) {
        given().redirects().follow(false).get(path).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    void a_signed_in_user_without_a_staff_role_is_refused() {
        given().redirects().follow(false).get("/hq/prospects").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void staff_is_not_an_operator_of_the_dual_write_console() {
        given().redirects().follow(false).get("/dualwrite").then().statusCode(403);
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        AppUser user = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> AppUser.byUsername("hq"));
        assertNotEquals("hq-demo", user.password);
        assertTrue(user.password.startsWith("$2a$"), "bcrypt modular crypt format");
        assertTrue(BcryptUtil.matches("hq-demo", user.password));
    }
}
