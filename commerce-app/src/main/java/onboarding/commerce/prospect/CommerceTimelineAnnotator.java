package onboarding.commerce.prospect;

import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.outbox.OutboxEvent;
import onboarding.bridge.timeline.Timeline;
import onboarding.bridge.timeline.TimelineAnnotator;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;

/** Writes replication outcomes into the timelines of Commerce records. */
@ApplicationScoped
public class CommerceTimelineAnnotator implements TimelineAnnotator {

    private final Timeline timeline;
    private final DualWriteConfig config;

    CommerceTimelineAnnotator(Timeline timeline, DualWriteConfig config) {
        this.timeline = timeline;
        this.config = config;
    }

    @Override
    public void inbound(EventEnvelope event, ApplyResult result) {
        // no event from Sales is applied in Commerce yet
    }

    @Override
    public void outbound(OutboxEvent event, InboxResult ack) {
        if (EventTypes.PROSPECT_SUBMITTED.equals(event.eventType())) {
            long prospectId = Long.parseLong(event.aggregateId());
            Prospect.update("replicationStatus = ?1, leadId = ?2, leadNumber = ?3 where id = ?4",
                    ReplicationStatus.REPLICATED, ack.remoteId(), ack.remoteLabel(), prospectId);
            timeline.add(ProspectService.RECORD_TYPE, prospectId, Timeline.Source.DUAL_WRITE,
                    "timeline.prospect.replicated", ack.remoteLabel(), null,
                    config.peer().url() + "/leads/" + ack.remoteId(), event.correlationId());
        }
    }

    @Override
    public void dead(OutboxEvent event, String error) {
        if (EventTypes.PROSPECT_SUBMITTED.equals(event.eventType())) {
            long prospectId = Long.parseLong(event.aggregateId());
            Prospect.update("replicationStatus = ?1 where id = ?2", ReplicationStatus.FAILED, prospectId);
            timeline.add(ProspectService.RECORD_TYPE, prospectId, Timeline.Source.DUAL_WRITE,
                    "timeline.replication.dead", error, null, "/dualwrite", event.correlationId());
        }
    }
}
