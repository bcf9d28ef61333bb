package onboarding.commerce.prospect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import onboarding.ui.persistence.Sequences;

/** A company's application to become a business partner. */
@Entity
public class Prospect extends PanacheEntityBase {

    /** From {@code prospect_seq}, taken before the insert so the number can be derived from it. */
    @Id
    public Long id;

    /** Readable number, e.g. PR-000123. */
    public String number;

    @Enumerated(EnumType.STRING)
    public ProspectStatus status;

    public String companyName;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public String street;
    public String city;
    public String postalCode;
    @Column(columnDefinition = "bpchar")
    public String countryCode;
    public String vatNumber;
    public String website;
    public String message;
    /** Language the requester used on the signup page; emails to them use it. */
    public String language;
    public String correlationId;
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public ReplicationStatus replicationStatus;
    public String leadId;
    public String leadNumber;

    public Long organizationCustomerId;
    public Long personCustomerId;
    public String opportunityNumber;
    /** a {@link onboarding.model.DecisionReason} name, when Sales gave one */
    public String decisionReason;
    public boolean reasonShareable;
    public String decidedBy;
    public Instant decidedAt;

    @Version
    public long version;

    public static long nextId() {
        return Sequences.next("prospect_seq");
    }

    /** PR- and the id, at least six digits (String.format took more CPU than the rest of the number's work). */
    public static String numberOf(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 6 ? "PR-" + digits : "PR-" + "000000".substring(digits.length()) + digits;
    }

    public String contactName() {
        return firstName + " " + lastName;
    }
}
