package onboarding.commerce.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Real sign-ins through the form, as a browser does them (the page first, then the post with its CSRF token). */
public final class SignIn {

    public static final String SESSION_COOKIE = "commerce-session";
    public static final String CSRF_COOKIE = "csrf-token";

    private SignIn() {
    }

    /** Posts the sign-in form; redirects are not followed. */
    public static Response post(String name, String password) {
        return post(name, password, null);
    }

    /** Posts the sign-in form with the page to go back to ({@code next}). */
    public static Response post(String name, String password, String next) {
        Response page = given().get("/login");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        var request = given().redirects().follow(false).cookie(CSRF_COOKIE, page.getCookie(CSRF_COOKIE))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("j_username", name).formParam("j_password", password);
        if (next != null) {
            request.formParam("next", next);
        }
        return request.post("/login");
    }

    /** The session cookie of a successful sign-in. */
    public static String as(String name, String password) {
        Response login = post(name, password);
        String session = login.getCookie(SESSION_COOKIE);
        if (login.statusCode() != 303 || session == null) {
            throw new AssertionError("sign-in of " + name + " failed: HTTP " + login.statusCode());
        }
        return session;
    }
}
