package onboarding.sales.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.outbox.OutboxEvent;
import onboarding.bridge.timeline.Timeline;
import onboarding.bridge.timeline.TimelineAnnotator;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.model.Json;
import onboarding.model.ProspectSubmittedV1;

/** Writes replication into the timelines of Sales records. */
@ApplicationScoped
public class SalesTimelineAnnotator implements TimelineAnnotator {

    private final Timeline timeline;

    SalesTimelineAnnotator(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void inbound(EventEnvelope event, ApplyResult result) {
        if (EventTypes.PROSPECT_SUBMITTED.equals(event.eventType())) {
            ProspectSubmittedV1 prospect = payload(event, ProspectSubmittedV1.class);
            timeline.add(LeadService.RECORD_TYPE, result.recordId(), Timeline.Source.DUAL_WRITE,
                    "timeline.lead.createdByDualWrite", prospect.prospectNumber(), null, prospect.prospectUrl(),
                    event.correlationId());
        }
    }

    @Override
    public void outbound(OutboxEvent event, InboxResult ack) {
        // Sales sends nothing to Commerce yet
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        try {
            return Json.mapper().treeToValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
