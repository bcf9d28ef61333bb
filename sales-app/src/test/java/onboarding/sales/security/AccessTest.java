package onboarding.sales.security;

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
import onboarding.sales.support.SignIn;
import org.junit.jupiter.api.Test;

/** Who may see what in Sales: everything but sign-in and the bridge inbox needs a sales role. */
@QuarkusTest
class AccessTest {

    @ParameterizedTest
    @ValueSource(strings = { "/leads?view=all-b2b", "/leads?view=my-open", "/leads/1", "/opportunities", "/opportunities/1",
            "/accounts/1", "/contacts/1" })
    void every_page_sends_anonymous_visitors_to_the_sign_in_page(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").startsWith("/login?next="), response.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/login", "/q/health/ready", "/ui/app.css" })
    void sign_in_and_health_are_public(String path) {
        given().redirects().follow(false).get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/leads/1/assign", "/leads/1/qualify", "/leads/1/disqualify", "/opportunities/1/won",
            "/opportunities/1/lost", "/accounts/1", "/contacts/1" })
    void anonymous_form_posts_change_nothing_and_go_to_the_sign_in_page(String path) {
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("version", "0").post(path);
        assertEquals(302, response.statusCode());
        assertEquals("/login", response.header("Location"), "a post is not replayed after sign-in");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/leads?view=my-open", "/leads/1", "/opportunities", "/opportunities/1", "/accounts/1",
            "/contacts/1" })
    @TestSecurity(user = "partner", roles = "partner")
    void a_signed_in_user_without_a_sales_role_is_refused(String path) {
        given().redirects().follow(false).get(path).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/leads/1/assign", "/leads/1/qualify", "/leads/1/disqualify", "/opportunities/1/won",
            "/opportunities/1/lost", "/accounts/1", "/contacts/1" })
    @TestSecurity(user = "partner", roles = "partner")
    void a_signed_in_user_without_a_sales_role_cannot_post_either(String path) {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("version", "0")
                .post(path).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "salesperson")
    void a_salesperson_is_not_an_operator_of_the_dual_write_console() {
        given().redirects().follow(false).get("/dualwrite").then().statusCode(403);
    }

    @Test
    void a_demo_salesperson_signs_in_with_the_form_and_out_again() {
        Response login = SignIn.post("alice", "alice-demo");
        assertEquals(303, login.statusCode());
        assertEquals("/leads?view=my-open", login.header("Location"));
        String session = login.getCookie(SignIn.SESSION_COOKIE);
        given().cookie(SignIn.SESSION_COOKIE, session).get("/leads?view=my-open").then().statusCode(200)
                .body(containsString("Signed in as alice"));

        Response wrong = SignIn.post("alice", "nope");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.asString().contains("Wrong user name or password."));
        assertEquals(null, wrong.getCookie(SignIn.SESSION_COOKIE));
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        AppUser user = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> AppUser.byUsername("alice"));
        assertNotEquals("alice-demo", user.password);
        assertTrue(user.password.startsWith("$2a$"), "bcrypt modular crypt format");
        assertTrue(BcryptUtil.matches("alice-demo", user.password));
    }
}
