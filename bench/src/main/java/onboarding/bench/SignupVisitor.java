package onboarding.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser on the signup page: it GETs {@code /partner-signup} once (the {@code csrf-token} cookie and the
 * same token in the hidden field), then POSTs forms with the token and the cookie, as a person does.
 */
final class SignupVisitor {

    static final String CSRF = "csrf-token";
    private static final Pattern REF = Pattern.compile("/partner-signup/thanks\\?ref=PR-(\\d+)");

    private final String baseUrl;
    private final String cookie;
    private final String token;
    private final String runId;
    private final int visitor;
    private final AtomicLong sent = new AtomicLong();

    private SignupVisitor(String baseUrl, String cookie, String token, String runId, int visitor) {
        this.baseUrl = baseUrl;
        this.cookie = cookie;
        this.token = token;
        this.runId = runId;
        this.visitor = visitor;
    }

    /** Opens the signup page; fails when it does not carry the CSRF cookie and field. */
    static SignupVisitor open(Http http, String baseUrl, String runId, int visitor)
            throws IOException, InterruptedException {
        HttpResponse<String> page = http.get(baseUrl + "/partner-signup", null);
        if (page.statusCode() != 200) {
            throw new IOException("GET /partner-signup answered " + page.statusCode());
        }
        String cookie = Http.setCookie(page, CSRF)
                .orElseThrow(() -> new IOException("GET /partner-signup set no " + CSRF + " cookie"));
        String token = Http.inputValue(page.body(), CSRF)
                .orElseThrow(() -> new IOException("the signup form has no hidden " + CSRF + " field"));
        return new SignupVisitor(baseUrl, cookie, token, runId, visitor);
    }

    /** The next signup of this visitor, with a unique email (and company and VAT number). */
    HttpRequest nextSignup(Http http) {
        long n = sent.incrementAndGet();
        String key = runId + "-" + visitor + "-" + n;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("companyName", "Bench " + key + " GmbH");
        fields.put("firstName", "Anna");
        fields.put("lastName", "Schmidt " + visitor);
        fields.put("email", "anna." + key + "@bench-" + runId + "-" + visitor + ".example");
        fields.put("phone", "+49 30 1234567");
        fields.put("street", "Hauptstrasse " + (n % 200 + 1));
        fields.put("city", "Berlin");
        fields.put("postalCode", "10115");
        fields.put("countryCode", "DE");
        fields.put("vatNumber", "DE" + String.format("%09d", Math.floorMod((long) key.hashCode(), 1_000_000_000L)));
        fields.put("website", "https://bench-" + runId + "-" + visitor + ".example");
        fields.put("message", "We would like to buy on account (benchmark " + key + ").");
        fields.put(CSRF, token);
        return http.request(baseUrl + "/partner-signup")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Cookie", CSRF + "=" + cookie)
                .POST(Http.form(fields)).build();
    }

    /** The prospect id in a successful answer ({@code 303} to the thanks page), if it is one. */
    static Optional<Long> acceptedProspectId(HttpResponse<?> response) {
        if (response.statusCode() != 303) {
            return Optional.empty();
        }
        Matcher ref = REF.matcher(response.headers().firstValue("location").orElse(""));
        return ref.find() ? Optional.of(Long.parseLong(ref.group(1))) : Optional.empty();
    }
}
