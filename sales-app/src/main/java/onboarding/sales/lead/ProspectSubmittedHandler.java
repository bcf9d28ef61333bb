package onboarding.sales.lead;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.inbox.InboundHandler;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.ProspectSubmittedV1;

/** A partner signup in Commerce becomes an unowned lead of origin DUAL_WRITE. */
@ApplicationScoped
public class ProspectSubmittedHandler implements InboundHandler<ProspectSubmittedV1> {

    @Override
    public String eventType() {
        return EventTypes.PROSPECT_SUBMITTED;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public ApplyResult apply(EventEnvelope event, ProspectSubmittedV1 p) {
        Lead existing = Lead.find("prospectId", p.prospectId()).firstResult();
        if (existing != null) {
            // a copy of a prospect Sales already has (initial sync, replay): Commerce's data wins while the
            // lead is open; a decided lead keeps the data it was decided on
            if (existing.status == LeadStatus.OPEN) {
                copy(p, existing);
            }
            return new ApplyResult(existing.id.toString(), existing.number);
        }
        Lead lead = new Lead();
        lead.id = Lead.nextId();
        lead.number = Lead.numberOf(lead.id);
        lead.status = LeadStatus.OPEN;
        lead.origin = LeadOrigin.DUAL_WRITE;
        copy(p, lead);
        lead.prospectId = p.prospectId();
        lead.correlationId = event.correlationId();
        lead.createdAt = Instant.now();
        lead.persist();
        return ApplyResult.created(lead.id.toString(), lead.number);
    }

    private static void copy(ProspectSubmittedV1 p, Lead lead) {
        lead.firstName = p.contact().firstName();
        lead.lastName = p.contact().lastName();
        lead.email = p.contact().email();
        lead.phone = p.contact().phone();
        lead.companyName = p.company().name();
        lead.street = p.company().street();
        lead.city = p.company().city();
        lead.postalCode = p.company().postalCode();
        lead.countryCode = p.company().countryCode();
        lead.vatNumber = p.company().vatNumber();
        lead.website = p.company().website();
        lead.message = p.message();
        lead.language = p.language();
        lead.prospectNumber = p.prospectNumber();
        lead.prospectUrl = p.prospectUrl();
    }
}
