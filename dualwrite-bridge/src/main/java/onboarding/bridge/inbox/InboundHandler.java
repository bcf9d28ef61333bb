package onboarding.bridge.inbox;

import onboarding.model.EventEnvelope;

/**
 * Applies one event type (at one schema version) from the peer. Implementations are CDI beans; the
 * bridge calls them inside the transaction that also records the event id in {@code dualwrite_inbox}.
 *
 * @param <P> the payload record, as registered in {@link onboarding.model.EventTypes}
 */
public interface InboundHandler<P> {

    String eventType();

    int schemaVersion();

    ApplyResult apply(EventEnvelope event, P payload);
}
