package onboarding.model;

import java.util.Map;
import java.util.Optional;

/** Every event type the apps exchange, with the payload record of each schema version. */
public final class EventTypes {

    public static final String PROSPECT_SUBMITTED = "prospect.submitted";
    public static final String LEAD_QUALIFIED = "lead.qualified";
    public static final String LEAD_DISQUALIFIED = "lead.disqualified";
    public static final String OPPORTUNITY_CLOSED = "opportunity.closed";
    public static final String ACCOUNT_UPDATED = "account.updated";
    public static final String CONTACT_UPDATED = "contact.updated";
    public static final String ORGANIZATION_UPDATED = "organization.updated";
    /** An organisation customer copied by the initial sync of {@code customers-to-accounts} (upsert). */
    public static final String ORGANIZATION_SNAPSHOT = "organization.snapshot";

    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            key(PROSPECT_SUBMITTED, 1), ProspectSubmittedV1.class,
            key(LEAD_QUALIFIED, 1), LeadQualifiedV1.class,
            key(LEAD_DISQUALIFIED, 1), LeadDisqualifiedV1.class,
            key(OPPORTUNITY_CLOSED, 1), OpportunityClosedV1.class,
            key(ACCOUNT_UPDATED, 1), AccountUpdatedV1.class,
            key(CONTACT_UPDATED, 1), ContactUpdatedV1.class,
            key(ORGANIZATION_UPDATED, 1), OrganizationUpdatedV1.class,
            key(ORGANIZATION_SNAPSHOT, 1), OrganizationSnapshotV1.class);

    private EventTypes() {
    }

    /** The payload class of an event type at a schema version, if that pair is known. */
    public static Optional<Class<?>> payloadType(String eventType, int schemaVersion) {
        return Optional.ofNullable(PAYLOADS.get(key(eventType, schemaVersion)));
    }

    /** Every registered payload type (for contract tests). */
    public static java.util.Collection<Class<?>> payloadTypes() {
        return PAYLOADS.values();
    }

    private static String key(String eventType, int version) {
        return eventType + "@v" + version;
    }
}
