package onboarding.sales.account;

import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.inbox.InboundHandler;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.OrganizationUpdatedV1;

/**
 * Commerce staff edited an organisation customer: its account follows. Runs inside the bridge's inbox, so
 * the change is not sent back to Commerce (no echo).
 */
@ApplicationScoped
public class OrganizationUpdatedHandler implements InboundHandler<OrganizationUpdatedV1> {

    private final AccountService accounts;

    OrganizationUpdatedHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String eventType() {
        return EventTypes.ORGANIZATION_UPDATED;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public ApplyResult apply(EventEnvelope event, OrganizationUpdatedV1 payload) {
        if (payload.company() == null || payload.company().name() == null || payload.company().name().isBlank()) {
            throw new IllegalArgumentException("organization.updated without a company name");
        }
        Account account = accounts.applyFromCommerce(payload.accountId(), payload.company(), payload.updatedBy());
        return new ApplyResult(account.id.toString(), account.number);
    }
}
