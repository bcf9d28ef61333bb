package onboarding.sales.account;

import jakarta.enterprise.context.ApplicationScoped;
import onboarding.bridge.sync.SyncSource;
import onboarding.model.TableMaps;

/**
 * {@code accounts-to-customers} has no initial sync, on purpose: Commerce creates an organisation customer only
 * for a partner whose lead was qualified (the account reaches it with the lead's decision); copying every account
 * would make customers of companies that never applied. The console lists the map with this reason.
 */
@ApplicationScoped
public class AccountsToCustomersSync implements SyncSource {

    @Override
    public String tableMap() {
        return TableMaps.ACCOUNTS_TO_CUSTOMERS;
    }

    @Override
    public String notSyncableReason() {
        return "sync.accountsToCustomers.notSyncable";
    }

    @Override
    public long count() {
        return 0;
    }

    @Override
    public Batch publishBatch(Long afterKey, int limit) {
        return Batch.NONE;
    }
}
