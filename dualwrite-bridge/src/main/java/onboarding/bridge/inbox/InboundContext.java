package onboarding.bridge.inbox;

import onboarding.model.EventEnvelope;

/**
 * Marks the thread that applies an event from the peer, so that changes it makes are not sent back
 * (loop prevention).
 */
public final class InboundContext {

    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    private InboundContext() {
    }

    public static boolean isApplying() {
        return CURRENT.get() != null;
    }

    static void begin(EventEnvelope event) {
        CURRENT.set(event);
    }

    static void end() {
        CURRENT.remove();
    }
}
