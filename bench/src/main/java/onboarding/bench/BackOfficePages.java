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

    /**
     * {@code expected}: per page name, the prospect number that must be in the list (its row's
     * {@code data-number="PR-…"} attribute); a page answered 200 without it counts as an error, not as a sample.
     */
    record Settings(String baseUrl, String user, String password, Map<String, String> pages, int warmup,
            int iterations, double maxSecondsPerPage, Map<String, String> expected) {
    }

    /** The error kind of a page that answered 200 without the prospect it must show. */
    static final String TARGET_MISSING = "target prospect not on the page";

    /** Whether a list page shows the prospect numbered {@code number} (the row's {@code data-number} attribute). */
    static boolean shows(String html, String number) {
        return html != null && html.contains("data-number=\"" + number + "\"");
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

    /** {@code found}: measured answers that showed the expected prospect ({@code -1} when none was expected). */
    record PageResult(String path, Latencies latencies, Outcomes outcomes, long bytes, long found, String expected) {
    }

    static Map<String, PageResult> run(Http http, Settings settings) throws IOException, InterruptedException {
        String session = signIn(http, settings.baseUrl(), settings.user(), settings.password());
        Map<String, PageResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : settings.pages().entrySet()) {
            String url = settings.baseUrl() + page.getValue();
            Latencies latencies = new Latencies();
            Outcomes outcomes = new Outcomes();
            String expected = settings.expected().get(page.getKey());
            long bytes = 0;
            long found = 0;
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
                    if (answer.statusCode() == 200 && expected != null && !shows(answer.body(), expected)) {
                        outcomes.error(TARGET_MISSING);
                    } else if (answer.statusCode() == 200) {
                        outcomes.ok.increment();
                        found += expected == null ? 0 : 1;
                    } else {
                        outcomes.error("status " + answer.statusCode());
                    }
                } catch (IOException e) {
                    outcomes.error(Http.describe(e));
                }
            }
            results.put(page.getKey(), new PageResult(page.getValue(), latencies, outcomes, bytes,
                    expected == null ? -1 : found, expected));
        }
        return results;
    }
}
