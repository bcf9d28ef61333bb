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

    /** A handler from a function, for CDI producer methods that register several small handlers. */
    static <P> InboundHandler<P> of(String eventType, int schemaVersion,
            java.util.function.BiFunction<EventEnvelope, P, ApplyResult> apply) {
        return new Of<>(eventType, schemaVersion, apply);
    }

    /** {@link #of}'s handler. */
    record Of<P>(String eventType, int schemaVersion, java.util.function.BiFunction<EventEnvelope, P, ApplyResult> fn)
            implements InboundHandler<P> {
        @Override
        public ApplyResult apply(EventEnvelope event, P payload) {
            return fn.apply(event, payload);
        }
    }
}
