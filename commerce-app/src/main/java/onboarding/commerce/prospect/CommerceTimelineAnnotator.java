package onboarding.commerce.prospect;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.Sql;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.outbox.OutboxEvent;
import onboarding.bridge.timeline.Timeline;
import onboarding.bridge.timeline.TimelineAnnotator;
import onboarding.commerce.customer.CustomerService;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.ContactUpdatedV1;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxResult;
import onboarding.model.Json;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.model.OpportunityClosedV1;

/** Writes replication into the timelines of Commerce records (prospects and customers). */
@ApplicationScoped
public class CommerceTimelineAnnotator implements TimelineAnnotator {

    private static final String PROSPECT = ProspectService.RECORD_TYPE;
    private static final String CUSTOMER = CustomerService.RECORD_TYPE;

    private final Timeline timeline;
    private final DualWriteConfig config;

    private final Sql sql;

    CommerceTimelineAnnotator(Timeline timeline, DualWriteConfig config, Sql sql) {
        this.sql = sql;
        this.timeline = timeline;
        this.config = config;
    }

    @Override
    public void inbound(EventEnvelope event, ApplyResult result) {
        String c = event.correlationId();
        switch (event.eventType()) {
            case EventTypes.LEAD_QUALIFIED -> {
                LeadQualifiedV1 lead = payload(event, LeadQualifiedV1.class);
                Prospect prospect = Prospect.findById(lead.prospectId());
                note(PROSPECT, prospect.id, "timeline.prospect.qualified", lead.leadNumber(), lead.qualifiedBy(),
                        lead.leadUrl(), c);
                note(CUSTOMER, prospect.organizationCustomerId, "timeline.customer.fromAccount",
                        lead.account().accountNumber(), prospect.number, "/hq/prospects/" + prospect.id, c);
                note(CUSTOMER, prospect.personCustomerId, "timeline.customer.fromContact",
                        lead.contact().contactNumber(), prospect.number, "/hq/prospects/" + prospect.id, c);
            }
            case EventTypes.LEAD_DISQUALIFIED -> {
                LeadDisqualifiedV1 lead = payload(event, LeadDisqualifiedV1.class);
                note(PROSPECT, lead.prospectId(), "timeline.prospect.disqualified", lead.leadNumber(),
                        lead.disqualifiedBy(), lead.leadUrl(), c);
            }
            case EventTypes.OPPORTUNITY_CLOSED -> {
                OpportunityClosedV1 opportunity = payload(event, OpportunityClosedV1.class);
                Prospect prospect = Prospect.findById(opportunity.prospectId());
                boolean won = opportunity.outcome() == OpportunityClosedV1.Outcome.WON;
                note(PROSPECT, prospect.id, won ? "timeline.prospect.won" : "timeline.prospect.lost",
                        opportunity.opportunityNumber(), opportunity.closedBy(), opportunity.opportunityUrl(), c);
                if (won) {
                    note(CUSTOMER, prospect.organizationCustomerId, "timeline.customer.partner", prospect.number, null,
                            "/hq/prospects/" + prospect.id, c);
                    note(CUSTOMER, prospect.personCustomerId, "timeline.customer.admin", prospect.number, null,
                            "/hq/prospects/" + prospect.id, c);
                }
            }
            case EventTypes.ACCOUNT_UPDATED -> {
                AccountUpdatedV1 account = payload(event, AccountUpdatedV1.class);
                note(CUSTOMER, result.recordId(), "timeline.customer.updatedFromSales", account.accountNumber(),
                        account.updatedBy(), config.peer().url() + "/accounts/" + account.accountId(), c);
            }
            case EventTypes.CONTACT_UPDATED -> {
                ContactUpdatedV1 contact = payload(event, ContactUpdatedV1.class);
                note(CUSTOMER, result.recordId(), "timeline.customer.updatedFromSales", contact.contactNumber(),
                        contact.updatedBy(), config.peer().url() + "/contacts/" + contact.contactId(), c);
            }
            default -> {
            }
        }
    }

    @Override
    public void outbound(OutboxEvent event, InboxResult ack) {
        if (EventTypes.PROSPECT_SUBMITTED.equals(event.eventType())) {
            long prospectId = Long.parseLong(event.aggregateId());
            markReplicated(prospectId, ack);
            note(PROSPECT, prospectId, "timeline.prospect.replicated", ack.remoteLabel(), null,
                    config.peer().url() + "/leads/" + ack.remoteId(), event.correlationId());
        } else if (EventTypes.ORGANIZATION_UPDATED.equals(event.eventType())
                || EventTypes.ORGANIZATION_SNAPSHOT.equals(event.eventType())) {
            note(CUSTOMER, event.aggregateId(), "timeline.customer.replicatedToAccount", ack.remoteLabel(), null,
                    config.peer().url() + "/accounts/" + ack.remoteId(), event.correlationId());
        }
    }

    /** Plain JDBC in the acknowledgement's transaction: a backlog drain does this for every event. */
    private void markReplicated(long prospectId, InboxResult ack) {
        sql.write("UPDATE prospect SET replication_status = ?, lead_id = ?, lead_number = ? WHERE id = ?",
                ReplicationStatus.REPLICATED.name(), ack.remoteId(), ack.remoteLabel(), prospectId);
    }

    @Override
    public void dead(OutboxEvent event, String error) {
        if (EventTypes.PROSPECT_SUBMITTED.equals(event.eventType())) {
            long prospectId = Long.parseLong(event.aggregateId());
            Prospect.update("replicationStatus = ?1 where id = ?2", ReplicationStatus.FAILED, prospectId);
        }
        note(event.aggregateType(), event.aggregateId(), "timeline.replication.dead", error, null, "/dualwrite",
                event.correlationId());
    }

    private void note(String type, Object id, String key, String arg0, String arg1, String link, String correlation) {
        if (id != null) {
            timeline.add(type, id, Timeline.Source.DUAL_WRITE, key, arg0, arg1, link, correlation);
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        try {
            return Json.mapper().treeToValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
