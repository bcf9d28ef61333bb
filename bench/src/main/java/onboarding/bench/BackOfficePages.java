package onboarding.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario 4: a staff member signs in through the form ({@code POST /j_security_check}) and opens back
 * office pages one after the other (one user, as people do); each page is measured on its own after a warm-up.
 */
final class BackOfficePages {

    static final String SESSION_COOKIE = "quarkus-credential";

    record Settings(String baseUrl, String user, String password, Map<String, String> pages, int warmup,
            int iterations, double maxSecondsPerPage) {
    }

    /** Signs in; returns the {@code Cookie} header value of the session. */
    static String signIn(Http http, String baseUrl, String user, String password)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("j_username", user);
        fields.put("j_password", password);
        HttpResponse<Void> answer = http.client.send(http.request(baseUrl + "/j_security_check")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(Http.form(fields)).build(),
                HttpResponse.BodyHandlers.discarding());
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
