package onboarding.sales.lead;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.inbox.BulkInboundHandler;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.ProspectSubmittedV1;
import onboarding.model.SafeUrl;

/**
 * A partner signup in Commerce becomes an unowned lead of origin DUAL_WRITE. A prospect whose link or website is
 * not a safe URL ({@link SafeUrl}) is refused: the event fails and nothing is stored.
 */
@ApplicationScoped
public class ProspectSubmittedHandler implements BulkInboundHandler<ProspectSubmittedV1> {

    @Override
    public String eventType() {
        return EventTypes.PROSPECT_SUBMITTED;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    /**
     * One query for the leads these prospects already have, then one new lead per prospect Sales does not know
     * (inserted together when the inbox flushes the run); a prospect twice in the run is applied in order.
     */
    @Override
    public List<ApplyResult> applyAll(List<EventEnvelope> events, List<ProspectSubmittedV1> payloads) {
        payloads.forEach(ProspectSubmittedHandler::requireSafeUrls);
        Map<Long, Lead> leads = new HashMap<>();
        List<Long> prospectIds = payloads.stream().map(ProspectSubmittedV1::prospectId).distinct().toList();
        Lead.<Lead>list("prospectId in ?1", prospectIds).forEach(lead -> leads.put(lead.prospectId, lead));
        List<ApplyResult> results = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            ProspectSubmittedV1 p = payloads.get(i);
            Lead existing = leads.get(p.prospectId());
            if (existing != null) {
                // a copy of a prospect Sales already has (initial sync, replay): Commerce's data wins while the
                // lead is open; a decided lead keeps the data it was decided on
                if (existing.status == LeadStatus.OPEN) {
                    copy(p, existing);
                }
                results.add(new ApplyResult(existing.id.toString(), existing.number));
                continue;
            }
            Lead lead = new Lead();
            lead.id = Lead.nextId();
            lead.number = Lead.numberOf(lead.id);
            lead.status = LeadStatus.OPEN;
            lead.origin = LeadOrigin.DUAL_WRITE;
            copy(p, lead);
            lead.prospectId = p.prospectId();
            lead.correlationId = events.get(i).correlationId();
            lead.createdAt = Instant.now();
            lead.persist();
            leads.put(lead.prospectId, lead);
            results.add(ApplyResult.created(lead.id.toString(), lead.number));
        }
        return results;
    }

    /** Refuses (the run is then applied event by event, and this one fails alone) a prospect with an unsafe URL. */
    private static void requireSafeUrls(ProspectSubmittedV1 p) {
        SafeUrl.requireSafe("prospectUrl", p.prospectUrl());
        SafeUrl.requireSafe("company.website", p.company() == null ? null : p.company().website());
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
