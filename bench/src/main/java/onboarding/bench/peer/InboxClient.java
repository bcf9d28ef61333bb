package onboarding.bench.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxBatch;
import onboarding.model.InboxResponse;
import onboarding.model.Json;

/**
 * The peer's delivery to Sales: a POST of the relay's envelope ({@link InboxBatch}) to {@code /dualwrite/inbox}, signed
 * as the relay signs it ({@code onboarding.bridge.transport.Signatures}: HMAC-SHA256 over {@code timestamp.body} with
 * the first key of {@code DUALWRITE_SECRETS}, headers {@code X-DualWrite-Timestamp} and {@code X-DualWrite-Signature}).
 * The bench does not depend on the bridge (a Quarkus library); {@code PeerSignatureTest} checks that the bridge
 * accepts these signatures.
 */
public final class InboxClient {

    static final String INBOX_PATH = "/dualwrite/inbox";
    static final String TIMESTAMP_HEADER = "X-DualWrite-Timestamp";
    static final String SIGNATURE_HEADER = "X-DualWrite-Signature";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI inbox;
    private final String key;

    public InboxClient(String salesUrl, String secrets) {
        if (!salesUrl.matches("http://127\\.0\\.0\\.1:\\d+")) {
            throw new IllegalArgumentException("the peer delivers to 127.0.0.1 only, got " + salesUrl);
        }
        this.inbox = URI.create(salesUrl + INBOX_PATH);
        this.key = secrets.split(",")[0].trim();
    }

    /** {@code v1=<hex HMAC-SHA256 of "timestamp.body">}, as the relay signs. */
    static String sign(String key, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature header of a body sent at {@code timestamp}, with the first key. */
    String signature(long timestamp, String body) {
        return sign(key, timestamp, body);
    }

    /** Delivers a batch; the inbox's answer, one result per event. */
    public InboxResponse send(List<EventEnvelope> events) throws IOException, InterruptedException {
        String body;
        try {
            body = Json.mapper().writeValueAsString(new InboxBatch(events));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Sales answered HTTP " + response.statusCode() + ": " + response.body());
        }
        InboxResponse answer = Json.mapper().readValue(response.body(), InboxResponse.class);
        if (answer.results() == null || answer.results().size() != events.size()) {
            throw new IOException("Sales answered for a different batch");
        }
        return answer;
    }
}
