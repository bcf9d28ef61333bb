package onboarding.sales.opportunity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import onboarding.model.DecisionReason;
import onboarding.sales.account.Account;
import onboarding.sales.contact.Contact;
import onboarding.sales.lead.Lead;
import onboarding.sales.user.Actor;
import onboarding.ui.persistence.Sequences;

/** A qualified lead worked towards a decision: close as won (a partner) or lost. */
@Entity
public class Opportunity extends PanacheEntityBase {

    /** From {@code opportunity_seq}, taken before the insert so the number can be derived from it. */
    @Id
    public Long id;

    /** Readable number, e.g. O-000007. */
    public String number;

    public String name;

    @Enumerated(EnumType.STRING)
    public OpportunityStatus status;

    @ManyToOne
    public Account account;

    @ManyToOne
    public Contact contact;

    /** The lead it was qualified from. */
    @ManyToOne
    public Lead lead;

    /** User name of the salesperson who owns it. */
    public String owner;

    @Enumerated(EnumType.STRING)
    public DecisionReason closeReason;
    public boolean reasonShareable;
    public String closedBy;
    public Instant closedAt;

    public String correlationId;
    public Instant createdAt;

    @Version
    public long version;

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /**
     * The object-level rule of opportunities, which both {@link OpportunityService#close}'s check and the page's
     * buttons follow: an open opportunity is closed as won or lost by its owner or a sales manager only.
     */
    public boolean allowsClosing(Actor actor) {
        return isOpen() && actor != null && (owner == null || actor.is(owner) || actor.manager());
    }

    public boolean isWon() {
        return status == OpportunityStatus.WON;
    }

    public static long nextId() {
        return Sequences.next("opportunity_seq");
    }

    public static String numberOf(long id) {
        return String.format("O-%06d", id);
    }
}
