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
    public List<Long> keysAfter(Long afterKey, int limit) {
        return Prospect.getEntityManager()
                .createQuery("select p.id from Prospect p where p.id > :after order by p.id", Long.class)
                .setParameter("after", afterKey == null ? 0L : afterKey)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void publish(long key) {
        submitted(Prospect.findById(key));
    }
}
