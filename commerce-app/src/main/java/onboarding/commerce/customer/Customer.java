package onboarding.commerce.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import onboarding.ui.persistence.Sequences;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

/**
 * A customer: an ORGANIZATION (from a Sales account; has a credit limit set by staff, and what orders on account use
 * and reserve of it) or a PERSON (from a Sales contact, or invited by a partner administrator; belongs to one
 * organisation with a role and optional limits per order and per calendar month).
 */
@Entity
@DynamicUpdate // an edit writes the columns it changed: an organisation read before an order never writes back its old credit
public class Customer extends PanacheEntityBase {

    public enum Type { ORGANIZATION, PERSON }

    /** A person's role in their organisation (DESIGN §3). */
    public enum Role {
        /** manages users, limits and approvals; may order */
        ADMIN,
        /** orders within their limits */
        BUYER,
        /** approves or rejects orders above a buyer's limits; may order */
        APPROVER;

        /** Whether this role approves orders that wait for approval. */
        public boolean approves() {
            return this == ADMIN || this == APPROVER;
        }
    }

    public enum Status {
        /** created from a qualified lead, partner not approved yet */
        PROSPECTIVE,
        /** an approved partner organisation, or a person who activated their account */
        ACTIVE,
        /** a person invited (approval or invitation email sent) who has not activated yet */
        INVITED,
        /** a person whose access a partner administrator took away (may be reactivated) */
        DEACTIVATED
    }

    /** From {@code customer_seq}, taken before the insert so the number can be derived from it. */
    @Id
    public Long id;
    public String number;
    @Enumerated(EnumType.STRING)
    public Type type;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String name;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public String street;
    public String city;
    public String postalCode;
    public String countryCode;
    public String vatNumber;
    public String website;
    public Long parentId;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** Organisations: the credit limit set by staff (null: none yet, no order on account), in {@link #creditCurrency}. */
    public BigDecimal creditLimit;
    public String creditCurrency;
    /**
     * Organisations: the credit placed orders use and pending orders reserve. Orders change them with the row locked
     * ({@code CreditAccount.lock}); they do not make the staff's open forms of the organisation stale.
     */
    @OptimisticLock(excluded = true)
    public BigDecimal creditUsed = BigDecimal.ZERO;
    @OptimisticLock(excluded = true)
    public BigDecimal creditReserved = BigDecimal.ZERO;
    /** Persons: the most one order may cost without approval (null: no limit). */
    public BigDecimal orderLimit;
    /** Persons: the most their placed and pending orders of a calendar month may cost without approval (null: no limit). */
    public BigDecimal monthlyLimit;
    /** Persons: the language of their mails ({@code en}, {@code fr}). */
    public String language;
    public Long prospectId;
    public String passwordHash;
    public Instant activatedAt;
    public Instant createdAt;
    @Version
    public long version;

    public static Customer create(Type type) {
        Customer customer = new Customer();
        customer.id = Sequences.next("customer_seq");
        customer.number = String.format("CU-%06d", customer.id);
        customer.type = type;
        customer.status = Status.PROSPECTIVE;
        customer.createdAt = Instant.now();
        return customer;
    }

    public boolean isOrganization() {
        return type == Type.ORGANIZATION;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Organisations: the credit still available to orders (limit minus used and reserved; zero without a limit). */
    public BigDecimal creditAvailable() {
        return creditLimit == null ? BigDecimal.ZERO.setScale(2) : creditLimit.subtract(creditUsed).subtract(creditReserved);
    }

    /** Organisations: whether staff have set a credit limit (without one, no order on account). */
    public boolean creditLimitSet() {
        return creditLimit != null;
    }

    /** Organisations: what placed orders use and pending orders reserve together. */
    public BigDecimal creditCommitted() {
        return creditUsed.add(creditReserved);
    }

    public List<Customer> members() {
        return list("parentId = ?1 order by id", id);
    }
}
