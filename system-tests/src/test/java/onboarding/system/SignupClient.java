package onboarding.system;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import onboarding.system.WebSession.WebForm;

/**
 * Submits the partner signup the way a browser does: GET the form (which sets the {@code csrf-token}
 * cookie and carries the same token in a hidden field), then POST the fields, the token and the cookie
 * back ({@link WebSession}), without following the redirect.
 */
public final class SignupClient {

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
        WebSession browser = WebSession.anonymous(commerceUrl, language);
        WebForm form = browser.get("/partner-signup").form("form[action=/partner-signup]");
        signup.formFields().forEach(form::set);
        Response answer = form.submit();
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
