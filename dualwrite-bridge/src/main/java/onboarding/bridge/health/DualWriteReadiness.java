package onboarding.bridge.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.relay.Relay;
import onboarding.bridge.transport.EventTransport;
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
    private final Instance<EventTransport> transport;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean peerUp;

    DualWriteReadiness(DualWriteConfig config, Relay relay, Instance<EventTransport> transport) {
        this.config = config;
        this.relay = relay;
        this.transport = transport;
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

    /** The transport's own probe (the one the relay uses after an outage), asked at most every 5 s. */
    private boolean peerReachable() {
        if (Duration.between(checkedAt, Instant.now()).toSeconds() >= 5) {
            peerUp = transport.get().reachable();
            checkedAt = Instant.now();
        }
        return peerUp;
    }
}
