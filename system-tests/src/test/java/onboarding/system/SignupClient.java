package onboarding.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Submits the partner signup the way a browser does: GET the form (which sets the {@code csrf-token}
 * cookie and carries the same token in a hidden field), then POST the fields, the token and the cookie
 * back, without following the redirect.
 */
public final class SignupClient {

    static final String CSRF = "csrf-token";

    private final String commerceUrl;

    SignupClient(String commerceUrl) {
        this.commerceUrl = commerceUrl;
    }

    /** Submits in English. */
    public Submission submit(Signup signup) {
        return submit(signup, "en");
    }

    /** Submits with {@code Accept-Language: language} on both requests, as a browser set to it would. */
    public Submission submit(Signup signup, String language) {
        Response form = given().config(Pages.HTTP).header("Accept-Language", language)
                .get(commerceUrl + "/partner-signup")
                .then().statusCode(200).extract().response();
        String cookie = form.getCookie(CSRF);
        if (cookie == null) {
            throw new AssertionError("GET /partner-signup set no " + CSRF + " cookie");
        }
        Element hidden = Pages.parse(form.asString(), commerceUrl).selectFirst("form input[type=hidden][name=" + CSRF + "]");
        if (hidden == null) {
            throw new AssertionError("the signup form has no hidden " + CSRF + " field");
        }
        Response answer = given().config(Pages.HTTP)
                .redirects().follow(false)
                .header("Accept-Language", language)
                .cookie(CSRF, cookie)
                .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParams(signup.formFields())
                .formParam(CSRF, hidden.val())
                .post(commerceUrl + "/partner-signup");
        long answeredAt = System.nanoTime();
        return new Submission(answer.statusCode(), answer.header("Location"), answer.asString(), answeredAt);
    }

    /** The answer to the POST, and when it arrived ({@link System#nanoTime()}) to measure what follows. */
    public record Submission(int status, String location, String body, long answeredAtNanos) {

        private static final Pattern REF = Pattern.compile("/partner-signup/thanks\\?ref=(PR-\\d{6,})$");

        /** The prospect number from the redirect to the thanks page; fails when the signup was not accepted. */
        public String ref() {
            Matcher matcher = location == null ? null : REF.matcher(location);
            if (status != 303 || matcher == null || !matcher.find()) {
                throw new AssertionError("expected 303 to /partner-signup/thanks?ref=PR-…, got " + status
                        + (location == null ? "" : " to " + location) + "\n" + body);
            }
            return matcher.group(1);
        }
    }
}
