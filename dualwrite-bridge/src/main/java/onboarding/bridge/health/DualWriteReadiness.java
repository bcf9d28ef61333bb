package onboarding.bridge.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.relay.Relay;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the bridge: shows whether the peer answers and how many events wait. A peer that is
 * down does not make this app unready: the outbox keeps its changes until the peer is back.
 */
@Readiness
@ApplicationScoped
public class DualWriteReadiness implements HealthCheck {

    private final DualWriteConfig config;
    private final Relay relay;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean peerUp;

    DualWriteReadiness(DualWriteConfig config, Relay relay) {
        this.config = config;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dual-write")
                .up()
                .withData("peer", config.peer().name())
                .withData("peerUrl", config.peer().url())
                .withData("peerReachable", peerReachable())
                .withData("backlog", relay.backlog())
                .build();
    }

    private boolean peerReachable() {
        if (Duration.between(checkedAt, Instant.now()).toSeconds() >= 5) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(config.peer().url() + "/q/health/live"))
                        .timeout(Duration.ofSeconds(1)).GET().build();
                peerUp = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                peerUp = false;
            }
            checkedAt = Instant.now();
        }
        return peerUp;
    }
}
