package onboarding.sales.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.inbox.BulkInboundHandler;
import onboarding.bridge.inbox.InboundHandler;
import onboarding.model.CompanyInfo;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.OrganizationSnapshotV1;
import onboarding.model.OrganizationUpdatedV1;
import onboarding.model.SafeUrl;

/**
 * Commerce organisation customers as Sales applies them, inside the bridge's inbox (so nothing is sent back to
 * Commerce: no echo). An edit by Commerce staff updates the linked account; a copy by the initial sync of
 * {@code customers-to-accounts} creates or overwrites the customers' accounts (Commerce wins) with one statement
 * per run of copies and no entity load, so that a batch of thousands stays cheap; the inbox then links each account
 * to its customer.
 */
@ApplicationScoped
public class OrganizationHandlers {

    @Produces
    InboundHandler<OrganizationUpdatedV1> organizationUpdated(AccountService accounts) {
        return InboundHandler.of(EventTypes.ORGANIZATION_UPDATED, 1, (event, organization) -> {
            Account account = accounts.applyFromCommerce(organization.accountId(),
                    named(organization.company(), event.eventType()), organization.updatedBy());
            return new ApplyResult(account.id.toString(), account.number);
        });
    }

    @Produces
    InboundHandler<OrganizationSnapshotV1> organizationSnapshot(AccountService accounts) {
        return BulkInboundHandler.of(EventTypes.ORGANIZATION_SNAPSHOT, 1, (events, organizations) -> {
            organizations.forEach(organization -> {
                named(organization.company(), EventTypes.ORGANIZATION_SNAPSHOT);
                SafeUrl.requireSafe("customerUrl", organization.customerUrl());
            });
            List<AccountService.Copied> copied = accounts.upsertAllFromCommerce(organizations,
                    events.stream().map(EventEnvelope::correlationId).toList());
            return copied.stream().map(account -> new ApplyResult(account.id(), account.number())).toList();
        });
    }

    /** The company, refused (the event fails, nothing changes) when it has no name or its website is not a safe URL. */
    private static CompanyInfo named(CompanyInfo company, String eventType) {
        if (company == null || company.name() == null || company.name().isBlank()) {
            throw new IllegalArgumentException(eventType + " without a company name");
        }
        SafeUrl.requireSafe("company.website", company.website());
        return company;
    }
}
