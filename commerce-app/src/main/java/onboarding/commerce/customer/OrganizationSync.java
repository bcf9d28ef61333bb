package onboarding.commerce.customer;

import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.sync.SyncSource;
import onboarding.commerce.CommerceConfig;
import onboarding.model.EventTypes;
import onboarding.model.TableMaps;

/**
 * Initial sync of {@code customers-to-accounts}: every organisation customer goes to Sales as an
 * {@code organization.snapshot}, which creates its account there or overwrites the one it has (Commerce wins).
 * Set-based: one batch is one {@code INSERT … SELECT} of outbox rows (payload built with {@code jsonb_build_object}
 * in the shape of {@link onboarding.model.OrganizationSnapshotV1}), paged by key, so memory stays flat.
 */
@ApplicationScoped
public class OrganizationSync implements SyncSource {

    /** The Sales account an organisation customer is linked to (see {@link CustomerService#ACCOUNT_LINKS}). */
    static final String LINKED_ACCOUNT = """
            (SELECT l.remote_id::bigint FROM dualwrite_link l
              WHERE l.table_map IN ('%s', '%s') AND l.local_id = c.id::text
              ORDER BY l.table_map = '%1$s' DESC LIMIT 1)"""
            .formatted(CustomerService.ACCOUNT_LINKS.get(0), CustomerService.ACCOUNT_LINKS.get(1));

    static final String BATCH = """
            SELECT c.id AS key, p.correlation_id,
                   jsonb_build_object('customerId', c.id, 'customerNumber', c.number, 'accountId', %s,
                       'company', jsonb_build_object('name', c.name, 'street', c.street, 'city', c.city,
                           'postalCode', c.postal_code, 'countryCode', c.country_code, 'vatNumber', c.vat_number,
                           'website', c.website),
                       'customerUrl', ? || c.id) AS payload
              FROM customer c LEFT JOIN prospect p ON p.id = c.prospect_id
             WHERE c.type = 'ORGANIZATION' AND c.id > ?
             ORDER BY c.id
             LIMIT ?""".formatted(LINKED_ACCOUNT);

    private final Outbox outbox;
    private final CommerceConfig config;

    OrganizationSync(Outbox outbox, CommerceConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public String tableMap() {
        return TableMaps.CUSTOMERS_TO_ACCOUNTS;
    }

    @Override
    public String note() {
        return "sync.customersToAccounts.commerceWins";
    }

    @Override
    public long count() {
        return Customer.count("type", Customer.Type.ORGANIZATION);
    }

    @Override
    public Batch publishBatch(Long afterKey, int limit) {
        // the first batch starts below the smallest id, whatever its sign
        return outbox.publishSelected(tableMap(), CustomerService.RECORD_TYPE, EventTypes.ORGANIZATION_SNAPSHOT, 1,
                BATCH, config.publicUrl() + "/hq/customers/", afterKey == null ? Long.MIN_VALUE : afterKey, limit);
    }
}
