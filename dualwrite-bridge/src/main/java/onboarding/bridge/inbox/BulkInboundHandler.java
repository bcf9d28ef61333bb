package onboarding.bridge.inbox;

import java.util.List;
import java.util.function.BiFunction;
import onboarding.model.EventEnvelope;

/**
 * A handler that applies a run of consecutive events of its type together, with a few set-based statements
 * instead of a few per event: what a backlog drain or an initial sync of a million records spends its time on.
 * The inbox gives it every run of its events within a batch, in order, inside the batch's transaction; when
 * anything fails the batch is applied again one event at a time through {@link #apply}.
 */
public interface BulkInboundHandler<P> extends InboundHandler<P> {

    /** The results of {@code events} (with their parsed {@code payloads}), in the same order. */
    List<ApplyResult> applyAll(List<EventEnvelope> events, List<P> payloads);

    @Override
    default ApplyResult apply(EventEnvelope event, P payload) {
        return applyAll(List.of(event), List.of(payload)).get(0);
    }

    /** A bulk handler from a function, for CDI producer methods. */
    static <P> BulkInboundHandler<P> of(String eventType, int schemaVersion,
            BiFunction<List<EventEnvelope>, List<P>, List<ApplyResult>> applyAll) {
        return new Of<>(eventType, schemaVersion, applyAll);
    }

    /** {@link #of}'s handler. */
    record Of<P>(String eventType, int schemaVersion, BiFunction<List<EventEnvelope>, List<P>, List<ApplyResult>> fn)
            implements BulkInboundHandler<P> {
        @Override
        public List<ApplyResult> applyAll(List<EventEnvelope> events, List<P> payloads) {
            return fn.apply(events, payloads);
        }
    }
}
