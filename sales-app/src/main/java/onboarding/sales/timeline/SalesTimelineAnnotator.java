package onboarding.sales.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.outbox.OutboxEvent;
import onboarding.bridge.timeline.Timeline;
import onboarding.bridge.timeline.TimelineAnnotator;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.model.Json;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.OrganizationUpdatedV1;
import onboarding.sales.account.AccountService;
import onboarding.sales.contact.ContactService;
import onboarding.sales.lead.Lead;
import onboarding.sales.lead.LeadService;
import onboarding.sales.opportunity.OpportunityService;

/**
 * Writes replication into the timelines of Sales records: what came from Commerce, and what Commerce did
 * with each of our events once it acknowledged it.
 */
@ApplicationScoped
public class SalesTimelineAnnotator implements TimelineAnnotator {

    private final Timeline timeline;
    private final DualWriteConfig config;

    SalesTimelineAnnotator(Timeline timeline, DualWriteConfig config) {
        this.timeline = timeline;
        this.config = config;
    }

    @Override
    public void inbound(EventEnvelope event, ApplyResult result) {
        switch (event.eventType()) {
            case EventTypes.PROSPECT_SUBMITTED -> {
                // two fields of the payload the inbox has already checked: no second deserialization per event
                timeline.add(LeadService.RECORD_TYPE, result.recordId(), Timeline.Source.DUAL_WRITE,
                        result.created() ? "timeline.lead.createdByDualWrite" : "timeline.lead.syncedByDualWrite",
                        event.payload().path("prospectNumber").asText(null), null,
                        event.payload().path("prospectUrl").asText(null), event.correlationId());
            }
            case EventTypes.ORGANIZATION_UPDATED -> {
                OrganizationUpdatedV1 organization = payload(event.payload(), OrganizationUpdatedV1.class);
                timeline.add(AccountService.RECORD_TYPE, result.recordId(), Timeline.Source.DUAL_WRITE,
                        "timeline.account.updatedByDualWrite", organization.customerNumber(),
                        null, customerUrl(Long.toString(organization.customerId())),
                        event.correlationId());
            }
            case EventTypes.ORGANIZATION_SNAPSHOT -> timeline.add(AccountService.RECORD_TYPE, result.recordId(),
                    Timeline.Source.DUAL_WRITE, "timeline.account.syncedByDualWrite",
                    event.payload().path("customerNumber").asText(null), null,
                    event.payload().path("customerUrl").asText(null), event.correlationId());
            default -> {
                // nothing to note
            }
        }
    }

    @Override
    public void outbound(OutboxEvent event, InboxResult ack) {
        switch (event.eventType()) {
            case EventTypes.LEAD_QUALIFIED -> onLead(event, "timeline.lead.ackQualified", ack);
            case EventTypes.LEAD_DISQUALIFIED -> onLead(event, "timeline.lead.ackRejected", ack);
            case EventTypes.OPPORTUNITY_CLOSED -> {
                OpportunityClosedV1 closed = payload(event.payloadJson(), OpportunityClosedV1.class);
                String key = closed.outcome() == OpportunityClosedV1.Outcome.WON ? "timeline.opportunity.ackApproved"
                        : "timeline.opportunity.ackRejected";
                onLead(event, key, ack);
                timeline.add(OpportunityService.RECORD_TYPE, closed.opportunityId(), Timeline.Source.DUAL_WRITE, key,
                        label(ack, closed.prospectNumber()), null, prospectUrl(event), event.correlationId());
            }
            case EventTypes.ACCOUNT_UPDATED -> timeline.add(AccountService.RECORD_TYPE, event.aggregateId(),
                    Timeline.Source.DUAL_WRITE, "timeline.replicatedToCustomer", ack.remoteLabel(), null,
                    customerUrl(ack.remoteId()), event.correlationId());
            case EventTypes.CONTACT_UPDATED -> timeline.add(ContactService.RECORD_TYPE, event.aggregateId(),
                    Timeline.Source.DUAL_WRITE, "timeline.replicatedToCustomer", ack.remoteLabel(), null,
                    customerUrl(ack.remoteId()), event.correlationId());
            default -> {
                // nothing to note
            }
        }
    }

    @Override
    public void dead(OutboxEvent event, String error) {
        String recordType = switch (event.aggregateType()) {
            case LeadService.RECORD_TYPE, AccountService.RECORD_TYPE, ContactService.RECORD_TYPE -> event.aggregateType();
            default -> null;
        };
        if (recordType != null) {
            timeline.add(recordType, event.aggregateId(), Timeline.Source.DUAL_WRITE, "timeline.replication.dead",
                    error, null, "/dualwrite", event.correlationId());
        }
    }

    /** A note on the lead of a decision event (aggregate: the lead), linked to its Commerce prospect. */
    private void onLead(OutboxEvent event, String key, InboxResult ack) {
        Lead lead = Lead.findById(Long.parseLong(event.aggregateId()));
        timeline.add(LeadService.RECORD_TYPE, event.aggregateId(), Timeline.Source.DUAL_WRITE, key,
                label(ack, lead == null ? null : lead.prospectNumber), null,
                lead == null ? null : lead.prospectUrl, event.correlationId());
    }

    private String prospectUrl(OutboxEvent event) {
        Lead lead = Lead.findById(Long.parseLong(event.aggregateId()));
        return lead == null ? null : lead.prospectUrl;
    }

    private static String label(InboxResult ack, String fallback) {
        return ack.remoteLabel() != null ? ack.remoteLabel() : fallback;
    }

    private String customerUrl(String customerId) {
        return customerId == null ? null : config.peer().url().replaceAll("/+$", "") + "/hq/customers/" + customerId;
    }

    private static <T> T payload(com.fasterxml.jackson.databind.JsonNode json, Class<T> type) {
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T payload(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
