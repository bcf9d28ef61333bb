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

/**
 * A customer: an ORGANIZATION (from a Sales account; has a credit limit) or a PERSON (from a Sales
 * contact; belongs to one organisation with a role and an optional spending limit).
 */
@Entity
public class Customer extends PanacheEntityBase {

    public enum Type { ORGANIZATION, PERSON }

    public enum Role { ADMIN, USER }

    public enum Status {
        /** created from a qualified lead, partner not approved yet */
        PROSPECTIVE,
        /** an approved partner organisation, or a person who activated their account */
        ACTIVE,
        /** a person invited (approval email sent) who has not activated yet */
        PENDING_ACTIVATION
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
    public BigDecimal creditLimit;
    public BigDecimal spendingLimit;
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

    public List<Customer> members() {
        return list("parentId = ?1 order by id", id);
    }
}
