package onboarding.sales.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real sign-ins with the demo users, for tests where several people act (no {@code @TestSecurity}). */
public final class SignIn {

    public static final String SESSION_COOKIE = "sales-credential";
    private static final Map<String, String> PASSWORDS = Map.of("alice", "alice-demo", "bob", "bob-demo",
            "maria", "maria-demo");
    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    private SignIn() {
    }

    /** The session cookie of {@code user}, signed in with the form once per test run. */
    public static String as(String user) {
        return SESSIONS.computeIfAbsent(user, u -> {
            Response login = given().redirects().follow(false)
                    .formParam("j_username", u).formParam("j_password", PASSWORDS.get(u))
                    .post("/j_security_check");
            String session = login.getCookie(SESSION_COOKIE);
            if (login.statusCode() != 302 || session == null) {
                throw new AssertionError("sign-in of " + u + " failed: HTTP " + login.statusCode());
            }
            return session;
        });
    }
}
