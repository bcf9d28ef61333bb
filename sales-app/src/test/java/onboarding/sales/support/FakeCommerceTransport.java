package onboarding.sales.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import onboarding.bridge.transport.EventTransport;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;

/**
 * Plays Commerce's inbox for the relay in tests (the relay does not run by itself in tests): applies
 * everything and answers like Commerce does, with the prospect for lead decisions and the customer for
 * account and contact updates.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeCommerceTransport implements EventTransport {

    /** While set, Commerce answers FAILED with this error for every event (a peer that refuses, e.g. a bug there). */
    public static volatile String refusing;

    /** The customer number Commerce answers for a Sales account or contact id. */
    public static String customerNumberOf(String aggregateType, String id) {
        return String.format("CU-%06d", (aggregateType.equals("account") ? 100_000 : 200_000) + Long.parseLong(id));
    }

    @Override
    public InboxResponse send(List<EventEnvelope> batch) {
        List<InboxResult> results = new ArrayList<>();
        for (EventEnvelope event : batch) {
            if (refusing != null) {
                results.add(new InboxResult(event.eventId(), InboxResult.Outcome.FAILED, null, null, refusing));
                continue;
            }
            String remoteId;
            String remoteLabel;
            switch (event.eventType()) {
                case EventTypes.LEAD_QUALIFIED, EventTypes.LEAD_DISQUALIFIED, EventTypes.OPPORTUNITY_CLOSED -> {
                    remoteId = event.payload().get("prospectId").asText();
                    remoteLabel = event.payload().get("prospectNumber").asText();
                }
                default -> {
                    remoteLabel = customerNumberOf(event.aggregateType(), event.aggregateId());
                    remoteId = remoteLabel.substring(3).replaceFirst("^0+", "");
                }
            }
            results.add(new InboxResult(event.eventId(), InboxResult.Outcome.APPLIED, remoteId, remoteLabel, null));
        }
        return new InboxResponse(results);
    }

    @Override
    public boolean reachable() {
        return true;
    }
}
