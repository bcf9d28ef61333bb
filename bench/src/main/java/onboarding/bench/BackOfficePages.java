package onboarding.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario 4: a staff member signs in through the form ({@code GET /login}, then {@code POST /login} with its CSRF
 * cookie and hidden field, as a browser does) and opens back
 * office pages one after the other (one user, as people do); each page is measured on its own after a warm-up.
 */
final class BackOfficePages {

    static final String SESSION_COOKIE = "commerce-session";
    static final String CSRF = "csrf-token";

    record Settings(String baseUrl, String user, String password, Map<String, String> pages, int warmup,
            int iterations, double maxSecondsPerPage) {
    }

    /** Signs in; returns the {@code Cookie} header value of the session. */
    static String signIn(Http http, String baseUrl, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> page = http.get(baseUrl + "/login", null);
        String csrfCookie = Http.setCookie(page, CSRF).orElse(null);
        String token = Http.inputValue(page.body(), CSRF).orElse(null);
        if (page.statusCode() != 200 || csrfCookie == null || token == null) {
            throw new IOException("no sign-in form at " + baseUrl + "/login: " + page.statusCode());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(CSRF, token);
        fields.put("j_username", user);
        fields.put("j_password", password);
        HttpResponse<Void> answer = http.client.send(http.request(baseUrl + "/login")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", CSRF + "=" + csrfCookie)
                .POST(Http.form(fields)).build(), HttpResponse.BodyHandlers.discarding());
        String location = answer.headers().firstValue("location").orElse("");
        String session = Http.setCookie(answer, SESSION_COOKIE).orElse(null);
        if (answer.statusCode() / 100 != 3 || session == null || location.contains("error")) {
            throw new IOException("sign-in as " + user + " refused: " + answer.statusCode() + " to " + location);
        }
        return SESSION_COOKIE + "=" + session;
    }

    record PageResult(String path, Latencies latencies, Outcomes outcomes, long bytes) {
    }

    static Map<String, PageResult> run(Http http, Settings settings) throws IOException, InterruptedException {
        String session = signIn(http, settings.baseUrl(), settings.user(), settings.password());
        Map<String, PageResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : settings.pages().entrySet()) {
            String url = settings.baseUrl() + page.getValue();
            Latencies latencies = new Latencies();
            Outcomes outcomes = new Outcomes();
            long bytes = 0;
            long deadline = System.nanoTime() + (long) (settings.maxSecondsPerPage() * 1e9);
            for (int i = 0; i < settings.warmup() + settings.iterations() && System.nanoTime() < deadline; i++) {
                long begin = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.get(url, session);
                    long took = System.nanoTime() - begin;
                    if (i < settings.warmup()) {
                        continue;
                    }
                    latencies.recordNanos(took);
                    bytes = answer.body().length();
                    if (answer.statusCode() == 200) {
                        outcomes.ok.increment();
                    } else {
                        outcomes.error("status " + answer.statusCode());
                    }
                } catch (IOException e) {
                    outcomes.error(Http.describe(e));
                }
            }
            results.put(page.getKey(), new PageResult(page.getValue(), latencies, outcomes, bytes));
        }
        return results;
    }
}
