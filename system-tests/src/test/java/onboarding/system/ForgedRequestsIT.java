package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * What an attacker who read the source code can do to the packaged apps: nothing with the development keys published
 * in it. A batch signed with the published bridge key is refused, a process configured with that key does not even
 * start, and a session cookie is only worth something if the app issued it.
 */
@SystemTest
class ForgedRequestsIT {

    /** The development key in the apps' application.properties (dev and test profiles only). */
    private static final String PUBLISHED_KEY = "dev-only-shared-secret-change-me";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_batch_signed_with_the_published_key_is_refused_and_creates_no_lead(SystemUnderTest system) throws Exception {
        long leadsBefore = system.salesDb().number("SELECT count(*) FROM lead");
        String body = "{\"events\":[{\"eventId\":\"3f0c9d2e-7a52-4f0e-9d0a-0c7d4f7b1a01\",\"tableMap\":\"prospects-to-leads\","
                + "\"aggregateType\":\"prospect\",\"aggregateId\":\"999999\",\"sequence\":1,\"eventType\":"
                + "\"prospect.submitted\",\"schemaVersion\":1,\"origin\":\"COMMERCE\",\"correlationId\":\"forged\","
                + "\"occurredAt\":\"" + Instant.now() + "\",\"payload\":{}}]}";
        long timestamp = Instant.now().getEpochSecond();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(system.sales().url() + "/dualwrite/inbox"))
                .header("Content-Type", "application/json")
                .header("X-DualWrite-Timestamp", Long.toString(timestamp))
                .header("X-DualWrite-Signature", "v1=" + hmac(PUBLISHED_KEY, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("bad signature"), answer.body());
        assertEquals(leadsBefore, system.salesDb().number("SELECT count(*) FROM lead"));
    }

    @Test
    void a_production_process_with_the_published_key_refuses_to_start(SystemUnderTest system) {
        AppProcess misconfigured = system.commerceWith("commerce-published-key", Map.of("DUALWRITE_SECRETS", PUBLISHED_KEY));
        try {
            misconfigured.start();
            await().atMost(AppProcess.STARTUP_TIMEOUT).until(() -> !misconfigured.isRunning());
            assertTrue(misconfigured.logTail(200).contains("published with the source code"), misconfigured.logTail(40));
        } finally {
            misconfigured.kill();
        }
    }

    @Test
    void cookies_the_apps_did_not_issue_open_nothing(SystemUnderTest system) throws Exception {
        for (String[] forged : new String[][] {
                { system.commerce().url() + "/hq/prospects", "quarkus-credential=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo" },
                { system.commerce().url() + "/dualwrite", "commerce-session=" + "A".repeat(43) },
                { system.sales().url() + "/dualwrite", "sales-session=" + "B".repeat(43) },
                { system.sales().url() + "/leads?view=all-b2b", "sales-credential=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo" } }) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(forged[0]))
                    .header("Cookie", forged[1]).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, answer.statusCode(), forged[0]);
            assertTrue(answer.headers().firstValue("Location").orElse("").startsWith("/login"), forged[0]);
        }
    }

    @Test
    void the_packaged_apps_send_their_security_headers_and_keep_metrics_for_operators(SystemUnderTest system)
            throws Exception {
        for (AppProcess app : new AppProcess[] { system.commerce(), system.sales() }) {
            HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(login.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/q/metrics")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, metrics.statusCode(), app.name() + " metrics without sign-in or token");
            assertFalse(metrics.body().contains("jvm_memory"));
        }
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
