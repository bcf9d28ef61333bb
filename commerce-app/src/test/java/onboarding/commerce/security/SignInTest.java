package onboarding.commerce.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.support.SignIn;
import onboarding.ui.security.AppSession;
import onboarding.ui.security.AppUser;
import onboarding.ui.security.Sessions;
import onboarding.ui.security.SignInThrottle;
import onboarding.ui.security.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sessions and sign-out in Commerce: server-side sessions that end for good, cookie flags, the sign-in
 * form's CSRF protection, throttling, and partner users signing in with their email.
 */
@QuarkusTest
class SignInTest {

    private static final AtomicInteger N = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final String PASSWORD = "a long enough password";

    @Inject
    Sessions sessions;

    @Inject
    SignInThrottle throttle;

    @Test
    void staff_signs_in_lands_on_all_prospects_and_the_cookie_is_http_only_and_same_site() {
        Response login = SignIn.post("hq", "hq-demo");
        assertEquals(303, login.statusCode());
        assertEquals("/hq/prospects", login.header("Location"));
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SignIn.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP here: " + setCookie);
        given().cookie(SignIn.SESSION_COOKIE, login.getCookie(SignIn.SESSION_COOKIE)).get("/hq/prospects").then()
                .statusCode(200);
        assertTrue(given().get("/login").headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("csrf-token=") && c.contains("SameSite=Lax")), "CSRF cookie is SameSite");
    }

    @Test
    void the_page_asked_for_is_opened_after_sign_in_but_never_another_site() {
        String location = given().redirects().follow(false).get("/hq/emails?page=2").header("Location");
        assertEquals("/login?next=%2Fhq%2Femails%3Fpage%3D2", location);
        assertEquals("/hq/emails?page=2", SignIn.post("hq", "hq-demo", "/hq/emails?page=2").header("Location"));
        for (String elsewhere : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example",
                "javascript:alert(1)" }) {
            assertEquals("/hq/prospects", SignIn.post("hq", "hq-demo", elsewhere).header("Location"), elsewhere);
        }
    }

    @Test
    void a_wrong_password_and_an_unknown_name_get_the_same_answer_and_no_session() {
        Response wrong = SignIn.post("hq", "not the password");
        Response unknown = SignIn.post("nobody-" + N.incrementAndGet(), "not the password");
        for (Response answer : new Response[] { wrong, unknown }) {
            assertEquals(400, answer.statusCode());
            assertTrue(answer.asString().contains("Wrong user name or password."));
            assertNull(answer.getCookie(SignIn.SESSION_COOKIE));
        }
    }

    @Test
    void the_sign_in_form_needs_its_csrf_token_at_both_addresses() {
        for (String path : new String[] { "/login", "/j_security_check" }) {
            Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "hq").formParam("j_password", "hq-demo").post(path);
            assertEquals(400, forged.statusCode(), path);
            assertNull(forged.getCookie(SignIn.SESSION_COOKIE), path);
        }
    }

    @Test
    void sign_out_ends_the_session_on_the_server_so_a_copied_cookie_is_worth_nothing() {
        String session = SignIn.as("hq", "hq-demo");
        Response page = given().cookie(SignIn.SESSION_COOKIE, session).get("/hq/prospects");
        String csrf = page.getCookie(SignIn.CSRF_COOKIE);
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");

        // a sign-out that is not the page's form (another site's post, a script) changes nothing
        assertEquals(400, given().cookie(SignIn.SESSION_COOKIE, session).cookie(SignIn.CSRF_COOKIE, csrf)
                .contentType("text/plain").body("x").post("/logout").statusCode());
        assertEquals(400, given().cookie(SignIn.SESSION_COOKIE, session).post("/logout").statusCode());
        assertEquals(200, given().redirects().follow(false).cookie(SignIn.SESSION_COOKIE, session)
                .get("/hq/prospects").statusCode());

        Response out = given().redirects().follow(false).cookie(SignIn.SESSION_COOKIE, session)
                .cookie(SignIn.CSRF_COOKIE, csrf).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).post("/logout");
        assertEquals(303, out.statusCode());
        assertEquals("/login?signedOut=true", out.header("Location"));
        assertEquals(302, given().redirects().follow(false).cookie(SignIn.SESSION_COOKIE, session)
                .get("/hq/prospects").statusCode(), "the copy of the cookie no longer signs in");
        assertEquals(0L, count(session));
    }

    @Test
    void ten_failures_lock_a_user_name_even_with_the_right_password_then_it_works_again() {
        String name = "throttled-" + N.incrementAndGet();
        QuarkusTransaction.requiringNew().run(() -> AppUser.create(name, PASSWORD, "staff", "Throttled"));
        for (int i = 0; i < 10; i++) {
            assertEquals(400, SignIn.post(name, "wrong " + i).statusCode());
        }
        Response refused = SignIn.post(name, PASSWORD);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.asString().contains("Too many failed sign-ins"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
        assertNull(refused.getCookie(SignIn.SESSION_COOKIE));
        // the window passes (failures moved back in time)
        QuarkusTransaction.requiringNew().run(() -> onboarding.ui.security.SignInFailure.update(
                "failedAt = ?1 where key = ?2", Instant.now().minusSeconds(3600), "user:" + name));
        assertEquals(303, SignIn.post(name, PASSWORD).statusCode());
    }

    @Test
    void failures_from_one_address_lock_that_address_for_every_name() {
        String address = "203.0.113." + (N.incrementAndGet() % 250);
        QuarkusTransaction.requiringNew().run(() -> onboarding.ui.security.SignInFailure.delete("key",
                "address:" + address));
        for (int i = 0; i < 1000 && throttle.refusedFor("someone-" + i, address).isEmpty(); i++) {
            throttle.failed("someone-" + i, address);
        }
        assertTrue(throttle.refusedFor("a-name-never-tried", address).isPresent());
        assertTrue(throttle.refusedFor("a-name-never-tried", "198.51.100.1").isEmpty(), "other addresses go on");
    }

    @Test
    void a_session_ends_when_idle_too_long_and_when_its_user_is_gone() {
        String name = "leaver-" + N.incrementAndGet();
        QuarkusTransaction.requiringNew().run(() -> AppUser.create(name, PASSWORD, "staff", "Leaver"));
        String idle = SignIn.as(name, PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> AppSession.update("lastSeenAt = ?1 where tokenHash = ?2",
                Instant.now().minusSeconds(3 * 3600), Tokens.hash(idle)));
        assertEquals(302, status(idle, "/hq/prospects"), "idle for 3 hours");
        assertEquals(0L, count(idle), "the ended session is deleted");

        String session = SignIn.as(name, PASSWORD);
        assertEquals(200, status(session, "/hq/prospects"));
        QuarkusTransaction.requiringNew().run(() -> AppUser.delete("username", name));
        assertEquals(302, status(session, "/hq/prospects"), "a deleted user is signed out at the next request");
    }

    @Test
    void every_session_of_a_person_can_be_ended_at_once() {
        String name = "two-browsers-" + N.incrementAndGet();
        QuarkusTransaction.requiringNew().run(() -> AppUser.create(name, PASSWORD, "staff", "Two Browsers"));
        String laptop = SignIn.as(name, PASSWORD);
        String phone = SignIn.as(name, PASSWORD);
        assertEquals(2L, sessions.endAll("staff", name));
        assertEquals(302, status(laptop, "/hq/prospects"));
        assertEquals(302, status(phone, "/hq/prospects"));
    }

    @Test
    void cookies_that_no_session_issued_sign_nobody_in() {
        // a cookie of the former Quarkus form authentication, encrypted with the development key once published
        assertEquals(302, given().redirects().follow(false)
                .cookie("quarkus-credential", "kRZ3yKxDTc2JnWcQy6p8r0VQ1i8uB1sZxw6Y1W9l1rG0N2S3Y1b1Zg==")
                .get("/hq/prospects").statusCode());
        assertEquals(302, status(Tokens.random(), "/hq/prospects"), "a well-formed token nobody was given");
        assertEquals(302, status("not-a-token", "/hq/prospects"));
        assertEquals(302, status("", "/hq/prospects"));
    }

    @Test
    void a_partner_user_signs_in_with_their_email_and_never_reaches_the_back_office() {
        Customer person = partner(Customer.Status.ACTIVE);
        Response login = SignIn.post(person.email.toUpperCase(java.util.Locale.ROOT), PASSWORD);
        assertEquals(303, login.statusCode());
        assertEquals("/portal", login.header("Location"));
        String session = login.getCookie(SignIn.SESSION_COOKIE);
        assertTrue(given().cookie(SignIn.SESSION_COOKIE, session).get("/").asString().contains(person.email));
        assertEquals(403, status(session, "/hq/prospects"));
        assertEquals(403, status(session, "/dualwrite"));

        // deactivated: signed out at the next request, and cannot sign in again
        QuarkusTransaction.requiringNew().run(() -> Customer.update("status = ?1 where id = ?2",
                Customer.Status.PROSPECTIVE, person.id));
        assertFalse(given().cookie(SignIn.SESSION_COOKIE, session).get("/").asString().contains(person.email));
        assertEquals(400, SignIn.post(person.email, PASSWORD).statusCode());
    }

    @Test
    void a_partner_who_has_not_activated_cannot_sign_in() {
        Customer person = partner(Customer.Status.PROSPECTIVE);
        assertEquals(400, SignIn.post(person.email, PASSWORD).statusCode());
    }

    @Test
    void redirects_never_carry_the_host_the_request_named() {
        Response page = given().get("/login");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response login = given().redirects().follow(false).header("Host", "evil.example")
                .cookie(SignIn.CSRF_COOKIE, page.getCookie(SignIn.CSRF_COOKIE))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("j_username", "hq").formParam("j_password", "hq-demo").post("/login");
        assertEquals(303, login.statusCode());
        assertEquals("/hq/prospects", login.header("Location"));
    }

    @Test
    void metrics_are_for_operators_and_the_scraper_token() {
        assertEquals(302, given().redirects().follow(false).get("/q/metrics").statusCode());
        assertEquals(403, status(SignIn.as("hq", "hq-demo"), "/q/metrics"), "staff is not an operator");
        assertEquals(200, status(SignIn.as("admin", "admin-demo"), "/q/metrics"));
        assertEquals(200, given().header("Authorization", "Bearer test-only-metrics-token-0123456789")
                .get("/q/metrics").statusCode());
        assertEquals(302, given().redirects().follow(false).header("Authorization", "Bearer wrong-token-0123456789")
                .get("/q/metrics").statusCode());
    }

    private static int status(String session, String path) {
        return given().redirects().follow(false).cookie(SignIn.SESSION_COOKIE, session).get(path).statusCode();
    }

    private static long count(String session) {
        return QuarkusTransaction.requiringNew().call(() -> AppSession.count("tokenHash", Tokens.hash(session)));
    }

    /** A person of an approved organisation, with a password. */
    private static Customer partner(Customer.Status status) {
        int n = N.incrementAndGet();
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer org = Customer.create(Customer.Type.ORGANIZATION);
            org.name = "Signin Test " + n + " GmbH";
            org.status = Customer.Status.ACTIVE;
            org.persist();
            Customer person = Customer.create(Customer.Type.PERSON);
            person.firstName = "Pat";
            person.lastName = "Partner" + n;
            person.name = "Pat Partner" + n;
            person.email = "pat" + n + "@signin-test.example";
            person.parentId = org.id;
            person.role = Customer.Role.ADMIN;
            person.status = status;
            person.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
            person.persist();
            assertNotNull(person.id);
            return person;
        });
    }
}
