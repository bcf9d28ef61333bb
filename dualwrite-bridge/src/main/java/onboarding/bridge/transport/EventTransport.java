package onboarding.bridge.transport;

import java.util.List;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxResponse;

/**
 * Carries a batch of events to the peer and returns its per-event answer. The default is signed HTTP
 * ({@link HttpEventTransport}); a broker-based transport can replace it as a CDI alternative.
 */
public interface EventTransport {

    /**
     * @throws TransportException when the peer could not be reached or refused the whole batch
     */
    InboxResponse send(List<EventEnvelope> batch) throws TransportException;

    /** A cheap check that the peer answers again, used to end backoff early after an outage. */
    boolean reachable();
}
