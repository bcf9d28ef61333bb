package onboarding.sales.opportunity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.timeline.Timeline;
import onboarding.model.DecisionReason;
import onboarding.model.EventTypes;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.OpportunityClosedV1.Outcome;
import onboarding.model.TableMaps;
import onboarding.sales.account.Account;
import onboarding.sales.contact.Contact;
import onboarding.sales.lead.Lead;
import onboarding.sales.lead.LeadService;
import onboarding.sales.site.SalesConfig;
import onboarding.sales.user.Actor;
import onboarding.sales.user.SalesUser;
import onboarding.sales.user.SalesUsers;
import onboarding.ui.ConflictException;
import onboarding.ui.NotAllowedException;
import onboarding.ui.CappedCount;
import onboarding.ui.Page;

/** Opportunities: opened when a lead is qualified, closed as won or lost (replicated to the Commerce prospect). */
@ApplicationScoped
public class OpportunityService {

    public static final int PAGE_SIZE = 25;
    public static final String RECORD_TYPE = "opportunity";

    private final Timeline timeline;
    private final Outbox outbox;
    private final SalesConfig config;
    private final SalesUsers users;

    /** What the opportunity page shows to the signed-in user, and whether they may close it. */
    public record OpportunityPage(Opportunity opportunity, SalesUser owner, List<Timeline.Entry> timeline,
            boolean mayClose) {
    }

    OpportunityService(Timeline timeline, Outbox outbox, SalesConfig config, SalesUsers users) {
        this.users = users;
        this.timeline = timeline;
        this.outbox = outbox;
        this.config = config;
    }

    /** All opportunities, newest first. */
    public Page<Opportunity> list(int page) {
        var query = Opportunity.<Opportunity>find(
                "from Opportunity o join fetch o.account order by o.createdAt desc, o.id desc");
        return Page.of(query.page(page - 1, PAGE_SIZE).list(), page, PAGE_SIZE, CappedCount.all("Opportunity"));
    }

    public Opportunity get(long id) {
        Opportunity opportunity = Opportunity.findById(id);
        if (opportunity == null) {
            throw new NotFoundException("no opportunity " + id);
        }
        return opportunity;
    }

    /** The opportunity page as {@code actor} sees it. */
    @Transactional
    public OpportunityPage page(long id, Actor actor) {
        Opportunity opportunity = get(id);
        return new OpportunityPage(opportunity, opportunity.owner == null ? null : users.named(opportunity.owner),
                timeline.of(RECORD_TYPE, opportunity.id), opportunity.allowsClosing(actor));
    }

    public String urlOf(long id) {
        return config.publicUrl() + "/opportunities/" + id;
    }

    /**
     * Opens the opportunity of a lead being qualified by {@code user}, owned by {@code owner} (joins the caller's
     * transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opportunity open(long id, String name, Lead lead, Account account, Contact contact, String owner,
            String user) {
        Opportunity opportunity = new Opportunity();
        opportunity.id = id;
        opportunity.number = Opportunity.numberOf(id);
        opportunity.name = name;
        opportunity.status = OpportunityStatus.OPEN;
        opportunity.account = account;
        opportunity.contact = contact;
        opportunity.lead = lead;
        opportunity.owner = owner;
        opportunity.correlationId = lead.correlationId;
        opportunity.createdAt = Instant.now();
        opportunity.persist();
        timeline.add(RECORD_TYPE, opportunity.id, Timeline.Source.USER, "timeline.opportunity.createdFromLead", user,
                lead.number, "/leads/" + lead.id, lead.correlationId);
        return opportunity;
    }

    /**
     * Closes an OPEN opportunity as won or lost (lost needs a reason). Only the first of two concurrent
     * closes applies; the other, like a close of a closed opportunity or a stale form, is refused and
     * changes nothing.
     *
     * @throws NotAllowedException when the opportunity is another's and the actor no sales manager
     * @throws ConflictException   when the opportunity is not open or changed since the form was rendered
     */
    @Transactional
    public Opportunity close(long id, Long version, Outcome outcome, DecisionReason reason, boolean reasonShareable,
            Actor actor) {
        Opportunity opportunity = get(id);
        if (opportunity.status != OpportunityStatus.OPEN) {
            throw new ConflictException("opportunity.refused." + opportunity.status, opportunity.number);
        }
        if (!opportunity.allowsClosing(actor)) {
            SalesUser owner = users.named(opportunity.owner);
            throw new NotAllowedException("opportunity.notAllowed." + outcome, opportunity.number, owner.displayName(),
                    owner.firstName());
        }
        ConflictException.checkVersion(opportunity.version, version);
        String user = actor.username();
        if (outcome == Outcome.LOST && reason == null) {
            throw new IllegalArgumentException("a lost opportunity needs a reason");
        }
        boolean won = outcome == Outcome.WON;
        opportunity.status = won ? OpportunityStatus.WON : OpportunityStatus.LOST;
        opportunity.closeReason = won ? null : reason;
        opportunity.reasonShareable = !won && reasonShareable;
        opportunity.closedBy = user;
        opportunity.closedAt = Instant.now();
        Opportunity.flush(); // of two concurrent closes, the second stops here (optimistic lock): nothing applied twice

        Lead lead = opportunity.lead;
        String key = won ? "timeline.opportunity.won" : "timeline.opportunity.lost." + reason;
        timeline.add(RECORD_TYPE, opportunity.id, Timeline.Source.USER, key, user, null, null,
                opportunity.correlationId);
        if (lead != null) {
            timeline.add(LeadService.RECORD_TYPE, lead.id, Timeline.Source.USER,
                    won ? "timeline.lead.opportunityWon" : "timeline.lead.opportunityLost", user, opportunity.number,
                    "/opportunities/" + opportunity.id, opportunity.correlationId);
        }
        if (lead != null && lead.fromCommerce()) {
            // aggregate = the lead, like its qualification: the bridge delivers qualify before close
            outbox.publish(TableMaps.OPPORTUNITY_OUTCOMES, LeadService.RECORD_TYPE, lead.id.toString(),
                    EventTypes.OPPORTUNITY_CLOSED, 1,
                    new OpportunityClosedV1(opportunity.id, opportunity.number, lead.id, lead.prospectId,
                            lead.prospectNumber, outcome, opportunity.closeReason, opportunity.reasonShareable,
                            opportunity.account.id, opportunity.contact == null ? 0 : opportunity.contact.id, user,
                            urlOf(opportunity.id)),
                    opportunity.correlationId);
        }
        return opportunity;
    }
}
