package onboarding.sales.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real sign-ins with the demo users, for tests where several people act (no {@code @TestSecurity}). */
public final class SignIn {

    public static final String SESSION_COOKIE = "sales-session";
    private static final Map<String, String> PASSWORDS = Map.of("alice", "alice-demo", "bob", "bob-demo",
            "maria", "maria-demo");
    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    private SignIn() {
    }

    /** The session cookie of {@code user}, signed in with the form once per test run. */
    public static String as(String user) {
        return SESSIONS.computeIfAbsent(user, u -> {
            Response login = post(u, PASSWORDS.get(u));
            String session = login.getCookie(SESSION_COOKIE);
            if (login.statusCode() != 303 || session == null) {
                throw new AssertionError("sign-in of " + u + " failed: HTTP " + login.statusCode());
            }
            return session;
        });
    }

    /** Posts the sign-in form as a browser does: the page first, then the fields with its CSRF cookie and token. */
    public static Response post(String user, String password) {
        Response page = given().get("/login");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return given().redirects().follow(false).cookie("sales-csrf-token", page.getCookie("sales-csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("j_username", user).formParam("j_password", password)
                .post("/login");
    }
}
