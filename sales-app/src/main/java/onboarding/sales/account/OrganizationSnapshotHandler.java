package onboarding.sales.account;

import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.inbox.InboundHandler;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.OrganizationSnapshotV1;

/**
 * An organisation customer copied by Commerce's initial sync of {@code customers-to-accounts}: its account is
 * created or overwritten (Commerce wins) with one statement, no entity load, so a batch of thousands stays cheap.
 * The inbox links the account to the customer; the account is then known to Commerce, so later edits flow back.
 */
@ApplicationScoped
public class OrganizationSnapshotHandler implements InboundHandler<OrganizationSnapshotV1> {

    private final AccountService accounts;

    OrganizationSnapshotHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String eventType() {
        return EventTypes.ORGANIZATION_SNAPSHOT;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public ApplyResult apply(EventEnvelope event, OrganizationSnapshotV1 payload) {
        if (payload.company() == null || payload.company().name() == null || payload.company().name().isBlank()) {
            throw new IllegalArgumentException("organization.snapshot without a company name");
        }
        AccountService.Copied account = accounts.upsertFromCommerce(payload, event.correlationId());
        return new ApplyResult(account.id(), account.number());
    }
}
