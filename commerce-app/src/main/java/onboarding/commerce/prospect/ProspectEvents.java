package onboarding.commerce.prospect;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.sync.SyncSource;
import onboarding.commerce.CommerceConfig;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.EventTypes;
import onboarding.model.ProspectSubmittedV1;
import onboarding.model.TableMaps;

/**
 * The prospect as Sales receives it: written to the outbox at signup, and for every existing prospect
 * by the initial sync of {@code prospects-to-leads}.
 */
@ApplicationScoped
public class ProspectEvents implements SyncSource {

    private final Outbox outbox;
    private final CommerceConfig config;

    ProspectEvents(Outbox outbox, CommerceConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Writes the event that replicates {@code prospect} (in the caller's transaction). */
    public void submitted(Prospect p) {
        outbox.publish(TableMaps.PROSPECTS_TO_LEADS, ProspectService.RECORD_TYPE, p.id.toString(),
                EventTypes.PROSPECT_SUBMITTED, 1, new ProspectSubmittedV1(p.id, p.number,
                        config.publicUrl() + "/hq/prospects/" + p.id,
                        new CompanyInfo(p.companyName, p.street, p.city, p.postalCode, p.countryCode, p.vatNumber,
                                p.website),
                        new ContactInfo(p.firstName, p.lastName, p.email, p.phone),
                        p.message, p.language, p.submittedAt),
                p.correlationId);
    }

    @Override
    public String tableMap() {
        return TableMaps.PROSPECTS_TO_LEADS;
    }

    @Override
    public long count() {
        return Prospect.count();
    }

    @Override
    public Batch publishBatch(Long afterKey, int limit) {
        List<Prospect> prospects = Prospect.<Prospect>find("id > ?1 order by id", afterKey == null ? 0L : afterKey)
                .page(0, limit).list();
        prospects.forEach(this::submitted);
        return prospects.isEmpty() ? Batch.NONE : new Batch(prospects.size(), prospects.get(prospects.size() - 1).id);
    }
}
