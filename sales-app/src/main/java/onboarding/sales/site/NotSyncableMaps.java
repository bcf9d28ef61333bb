package onboarding.sales.site;

import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.sync.NotSyncable;
import onboarding.model.TableMaps;

/** The maps whose events start in Sales: none has an initial sync, each for its own reason (shown on the console). */
public final class NotSyncableMaps {

    private NotSyncableMaps() {
    }

    /**
     * Commerce creates an organisation customer only for a partner whose lead was qualified (the account travels
     * with that decision); copying every account would make customers of companies that never applied.
     */
    @ApplicationScoped
    public static class AccountsToCustomers extends NotSyncable {
        public AccountsToCustomers() {
            super(TableMaps.ACCOUNTS_TO_CUSTOMERS, "sync.accountsToCustomers.notSyncable");
        }
    }

    /** The same for contacts: Commerce's person customers come with the qualification of their lead. */
    @ApplicationScoped
    public static class ContactsToCustomers extends NotSyncable {
        public ContactsToCustomers() {
            super(TableMaps.CONTACTS_TO_CUSTOMERS, "sync.contactsToCustomers.notSyncable");
        }
    }

    /** Decisions are things that happened, not records: replaying them would decide again. */
    @ApplicationScoped
    public static class LeadDecisions extends NotSyncable {
        public LeadDecisions() {
            super(TableMaps.LEAD_DECISIONS, "sync.decisions.notSyncable");
        }
    }

    /** Won and lost are decisions too. */
    @ApplicationScoped
    public static class OpportunityOutcomes extends NotSyncable {
        public OpportunityOutcomes() {
            super(TableMaps.OPPORTUNITY_OUTCOMES, "sync.decisions.notSyncable");
        }
    }
}
