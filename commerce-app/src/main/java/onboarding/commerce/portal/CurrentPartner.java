package onboarding.commerce.portal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import onboarding.ui.NotAllowedException;
import onboarding.commerce.customer.Customer;

/**
 * The signed-in partner user of this request: the security identity's attribute {@code customerId} (a {@code Long},
 * the id of their PERSON customer, see {@link PartnerDirectory}), with their person and organisation read from the database at the first use in
 * each request — so a role change, a new limit or a deactivation applies at the next request. A person who is not
 * ACTIVE, or whose organisation is not an ACTIVE partner, gets no portal page: a 403 page that says why.
 */
@RequestScoped
public class CurrentPartner {

    private final SecurityIdentity identity;
    private Customer person;
    private Customer organization;

    CurrentPartner(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The signed-in person (ACTIVE, of an ACTIVE partner organisation). */
    public Customer person() {
        load();
        return person;
    }

    /** The person's organisation. */
    public Customer organization() {
        load();
        return organization;
    }

    public boolean isAdmin() {
        return person().role == Customer.Role.ADMIN;
    }

    /** Whether the person approves orders (approvers and admins). */
    public boolean approves() {
        return person().role != null && person().role.approves();
    }

    /** Refuses (403) a person who is not a partner administrator. */
    public Customer requireAdmin() {
        if (!isAdmin()) {
            throw new NotAllowedException("portal.notAllowed.admin");
        }
        return person();
    }

    /** Refuses (403) a person who does not approve orders. */
    public Customer requireApprover() {
        if (!approves()) {
            throw new NotAllowedException("portal.notAllowed.approver");
        }
        return person();
    }

    private void load() {
        if (person != null) {
            return;
        }
        Long id = customerId();
        Customer found = id == null ? null : Customer.findById(id);
        if (found == null || found.type != Customer.Type.PERSON || !found.isActive() || found.parentId == null) {
            throw new NotAllowedException("portal.notAllowed.notActive");
        }
        Customer org = Customer.findById(found.parentId);
        if (org == null || !org.isOrganization() || !org.isActive()) {
            throw new NotAllowedException("portal.notAllowed.organization");
        }
        person = found;
        organization = org;
    }

    private Long customerId() {
        if (identity.isAnonymous() || !identity.hasRole(PartnerDirectory.ROLE)) {
            return null;
        }
        Object value = identity.getAttribute(PartnerDirectory.CUSTOMER_ID);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        return null;
    }
}
