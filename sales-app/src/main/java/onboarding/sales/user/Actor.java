package onboarding.sales.user;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The signed-in Sales user who asks for an action, as the object-level rules of leads and opportunities see them:
 * their user name, and whether they are a sales manager (a manager is also a salesperson).
 */
public record Actor(String username, boolean manager) {

    /** Role of every Sales user. */
    public static final String SALESPERSON = "salesperson";
    /** Role of the sales managers: they may act on every lead and opportunity, and assign leads to anyone. */
    public static final String SALES_MANAGER = "sales-manager";

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an action needs a signed-in user");
        }
    }

    /** The signed-in user of a request (every page but sign-in requires one). */
    public static Actor of(SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            throw new IllegalStateException("no signed-in user");
        }
        return new Actor(security.getUserPrincipal().getName(), security.isUserInRole(SALES_MANAGER));
    }

    /** Whether this is {@code user}. */
    public boolean is(String user) {
        return username.equals(user);
    }
}
