package onboarding.commerce.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import onboarding.bridge.inbox.InboundHandler;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactUpdatedV1;
import onboarding.model.EventTypes;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.SafeUrl;

/**
 * The events Commerce applies from Sales, each handed to {@link PartnerDecisions}. An event whose links or company
 * website are not safe URLs ({@link SafeUrl}) is refused before anything is applied: it fails, the bridge retries
 * it and finally shows it dead on the console.
 */
@ApplicationScoped
public class DecisionHandlers {

    @Produces
    InboundHandler<LeadQualifiedV1> leadQualified(PartnerDecisions decisions) {
        return InboundHandler.of(EventTypes.LEAD_QUALIFIED, 1, (event, lead) -> {
            SafeUrl.requireSafe("leadUrl", lead.leadUrl());
            requireSafeWebsite(lead.account() == null ? null : lead.account().company());
            return decisions.qualified(lead);
        });
    }

    @Produces
    InboundHandler<LeadDisqualifiedV1> leadDisqualified(PartnerDecisions decisions) {
        return InboundHandler.of(EventTypes.LEAD_DISQUALIFIED, 1, (event, lead) -> {
            SafeUrl.requireSafe("leadUrl", lead.leadUrl());
            return decisions.disqualified(lead);
        });
    }

    @Produces
    InboundHandler<OpportunityClosedV1> opportunityClosed(PartnerDecisions decisions) {
        return InboundHandler.of(EventTypes.OPPORTUNITY_CLOSED, 1, (event, opp) -> {
            SafeUrl.requireSafe("opportunityUrl", opp.opportunityUrl());
            return decisions.closed(opp);
        });
    }

    @Produces
    InboundHandler<AccountUpdatedV1> accountUpdated(PartnerDecisions decisions) {
        return InboundHandler.of(EventTypes.ACCOUNT_UPDATED, 1, (event, account) -> {
            requireSafeWebsite(account.company());
            return decisions.accountUpdated(account);
        });
    }

    @Produces
    InboundHandler<ContactUpdatedV1> contactUpdated(PartnerDecisions decisions) {
        return InboundHandler.of(EventTypes.CONTACT_UPDATED, 1, (event, contact) -> decisions.contactUpdated(contact));
    }

    private static void requireSafeWebsite(CompanyInfo company) {
        SafeUrl.requireSafe("company.website", company == null ? null : company.website());
    }
}
