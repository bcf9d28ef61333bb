package onboarding.commerce.portal;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import onboarding.commerce.customer.Customer;
import onboarding.ui.security.SignInDirectory;

/**
 * Partner users (PERSON customers of an approved organisation who chose a password) as the sign-in form knows
 * them: by email. The identity has the role {@value #ROLE} (never a staff role) and the attribute
 * {@value #CUSTOMER_ID}, the person's customer id; it is read afresh at every request, so a person who is no
 * longer ACTIVE, or whose organisation is not, is signed out at their next request.
 */
@ApplicationScoped
public class PartnerDirectory implements SignInDirectory {

    public static final String REALM = "partner";
    public static final String ROLE = "partner";
    public static final String CUSTOMER_ID = "customerId";

    @Override
    public String realm() {
        return REALM;
    }

    @Override
    public Optional<Account> account(String name) {
        if (name.indexOf('@') < 0) {
            return Optional.empty();
        }
        return Customer.<Customer>find("type = ?1 and lower(email) = ?2 and passwordHash is not null"
                + " order by id", Customer.Type.PERSON, name.toLowerCase(java.util.Locale.ROOT))
                .stream().filter(PartnerDirectory::maySignIn).findFirst()
                .map(person -> new Account(person.id.toString(), person.passwordHash));
    }

    @Override
    public Optional<SecurityIdentity> identity(String subject) {
        Customer person;
        try {
            person = Customer.findById(Long.parseLong(subject));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (person == null || !maySignIn(person)) {
            return Optional.empty();
        }
        return Optional.of(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(person.email))
                .addRole(ROLE)
                .addAttribute(CUSTOMER_ID, person.id)
                .addAttribute("displayName", person.name)
                .build());
    }

    @Override
    public String landingPage() {
        return "/portal";
    }

    @Override
    public int priority() {
        return 20;
    }

    /** An ACTIVE person with a password, member of an ACTIVE (approved) organisation. */
    static boolean maySignIn(Customer person) {
        if (person.type != Customer.Type.PERSON || person.status != Customer.Status.ACTIVE
                || person.passwordHash == null || person.parentId == null) {
            return false;
        }
        Customer organization = Customer.findById(person.parentId);
        return organization != null && organization.status == Customer.Status.ACTIVE;
    }
}
