package onboarding.sales.lead;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import onboarding.model.DecisionReason;
import onboarding.sales.user.Actor;
import onboarding.ui.persistence.Sequences;

/** A prospective customer in the CRM: a Contact section (the person) and a Company section. */
@Entity
public class Lead extends PanacheEntityBase {

    /** From {@code lead_seq}, taken before the insert so the number can be derived from it. */
    @Id
    public Long id;

    /** Readable number, e.g. L-000045. */
    public String number;

    @Enumerated(EnumType.STRING)
    public LeadStatus status;

    @Enumerated(EnumType.STRING)
    public LeadOrigin origin;

    /** User name of the salesperson who owns the lead; empty for unassigned leads. */
    public String owner;

    // Contact section
    public String firstName;
    public String lastName;
    public String email;
    public String phone;

    // Company section
    public String companyName;
    public String street;
    public String city;
    public String postalCode;
    public String countryCode;
    public String vatNumber;
    public String website;

    public String message;
    public String language;
    /** Commerce's id of the prospect this lead was replicated from (dual-write leads only). */
    public Long prospectId;
    public String prospectNumber;
    public String prospectUrl;
    public String correlationId;
    public Instant createdAt;

    // Decision (qualified or disqualified)
    @Enumerated(EnumType.STRING)
    public DecisionReason decisionReason;
    /** Whether the requester may be told the reason (Commerce puts it in the rejection email). */
    public boolean reasonShareable;
    public String decidedBy;
    public Instant decidedAt;
    /** The opportunity created when the lead was qualified. */
    public Long opportunityId;

    @Version
    public long version;

    public boolean isOpen() {
        return status == LeadStatus.OPEN;
    }

    public boolean isQualified() {
        return status == LeadStatus.QUALIFIED;
    }

    /** What a sales user may ask for on a lead. */
    public enum Action {
        /** make themself the owner */
        ASSIGN_TO_ME,
        /** make another Sales user the owner */
        ASSIGN_TO_OTHER,
        QUALIFY,
        DISQUALIFY
    }

    /**
     * The object-level rule of leads, which both {@link LeadService}'s checks and the lead page's buttons follow:
     * only an open lead is acted on; an unowned one is anyone's to take, qualify or disqualify (acting makes them its
     * owner); an owned one only its owner's or a sales manager's (a manager may also take it over); only a sales
     * manager assigns a lead to someone else.
     */
    public boolean allows(Actor actor, Action action) {
        if (!isOpen() || actor == null) {
            return false;
        }
        return switch (action) {
            case ASSIGN_TO_ME -> !actor.is(owner) && (owner == null || actor.manager());
            case ASSIGN_TO_OTHER -> actor.manager();
            case QUALIFY, DISQUALIFY -> owner == null || actor.is(owner) || actor.manager();
        };
    }

    /** Whether Commerce has a prospect behind this lead (its decisions are replicated there). */
    public boolean fromCommerce() {
        return origin == LeadOrigin.DUAL_WRITE && prospectId != null;
    }

    public String contactName() {
        return firstName + " " + lastName;
    }

    public static long nextId() {
        return Sequences.next("lead_seq");
    }

    public static String numberOf(long id) {
        return String.format("L-%06d", id);
    }
}
