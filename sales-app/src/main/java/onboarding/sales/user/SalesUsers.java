package onboarding.sales.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import onboarding.ui.security.AppUser;

/** The people who work in Sales (salespeople and sales managers): whom a lead can be assigned to, and their names. */
@ApplicationScoped
public class SalesUsers {

    /** Every Sales user, by display name: a handful of rows (the users of one CRM), read when a manager needs them. */
    public List<SalesUser> all() {
        return AppUser.<AppUser>listAll().stream().filter(SalesUsers::worksInSales)
                .map(user -> new SalesUser(user.username, user.displayName))
                .sorted(Comparator.comparing(SalesUser::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SalesUser::username))
                .toList();
    }

    /** Whether {@code username} (as typed into a form: anything) is a Sales user. */
    public boolean isSalesUser(String username) {
        return all().stream().anyMatch(user -> user.username().equals(username));
    }

    /** The Sales user called {@code username} (a user name stored on a record), or null when there is none. */
    public SalesUser find(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        AppUser user = AppUser.byUsername(username);
        return user == null || !worksInSales(user) ? null : new SalesUser(user.username, user.displayName);
    }

    /**
     * {@code username} with their display name, for messages and pages; a user name that is not (or no longer) a
     * Sales user keeps the user name as the display name.
     */
    public SalesUser named(String username) {
        SalesUser user = find(username);
        return user != null ? user : new SalesUser(username, username);
    }

    private static boolean worksInSales(AppUser user) {
        var roles = user.roleSet();
        return roles.contains(Actor.SALESPERSON) || roles.contains(Actor.SALES_MANAGER);
    }
}
