package onboarding.bridge.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import onboarding.bridge.DualWriteConfig;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxBatch;
import onboarding.model.InboxResponse;
import onboarding.model.Json;

/** Signed HTTP POST of a batch to the peer's {@code /dualwrite/inbox}. */
@ApplicationScoped
public class HttpEventTransport implements EventTransport {

    public static final String INBOX_PATH = "/dualwrite/inbox";

    private final HttpClient client;
    private final URI inbox;
    private final DualWriteConfig config;
    private final Signatures signatures;

    HttpEventTransport(DualWriteConfig config, Signatures signatures) {
        this.config = config;
        this.signatures = signatures;
        this.inbox = URI.create(config.peer().url().replaceAll("/+$", "") + INBOX_PATH);
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.peer().timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public InboxResponse send(List<EventEnvelope> batch) throws TransportException {
        String body;
        try {
            body = Json.mapper().writeValueAsString(new InboxBatch(batch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long timestamp = signatures.now();
        HttpRequest request = HttpRequest.newBuilder(inbox)
                .timeout(config.peer().timeout())
                .header("Content-Type", "application/json")
                .header(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signatures.SIGNATURE_HEADER, signatures.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException(config.peer().name() + " unreachable at " + inbox + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while sending to " + config.peer().name(), e);
        }
        if (response.statusCode() != 200) {
            throw new TransportException(config.peer().name() + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            InboxResponse answer = Json.mapper().readValue(response.body(), InboxResponse.class);
            if (answer.results() == null || answer.results().size() != batch.size()) {
                throw new TransportException(config.peer().name() + " answered for a different batch");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new TransportException(config.peer().name() + " answered malformed JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    @Override
    public boolean reachable() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(config.peer().url().replaceAll("/+$", "")
                    + "/q/health/live")).timeout(java.time.Duration.ofSeconds(1)).GET().build();
            return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
