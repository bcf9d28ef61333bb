package onboarding.sales.lead;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.timeline.Timeline;
import onboarding.model.ContactInfo;
import onboarding.model.CompanyInfo;
import onboarding.model.DecisionReason;
import onboarding.model.EventTypes;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.model.TableMaps;
import onboarding.sales.account.Account;
import onboarding.sales.account.AccountService;
import onboarding.sales.contact.Contact;
import onboarding.sales.contact.ContactService;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.opportunity.OpportunityService;
import onboarding.sales.site.SalesConfig;
import onboarding.sales.user.Actor;
import onboarding.sales.user.SalesUser;
import onboarding.sales.user.SalesUsers;
import onboarding.ui.ConflictException;
import onboarding.ui.Messages;
import onboarding.ui.NotAllowedException;
import onboarding.ui.CappedCount;
import onboarding.ui.Like;
import onboarding.ui.Page;
import onboarding.ui.UiLocale;

/**
 * Leads: the two views, the lead page, and what sales users decide on a lead (assign, qualify,
 * disqualify). Every decision is checked against the lead's state, against who may take it ({@link Lead#allows}: a
 * refusal is a 403 page saying who may) and against the version its form was rendered with, and is replicated to the
 * Commerce prospect in the same transaction (outbox).
 */
@ApplicationScoped
public class LeadService {

    public static final int PAGE_SIZE = 25;
    public static final String RECORD_TYPE = "lead";

    /**
     * What the lead page shows to the signed-in user: the lead with its owner's name, its opportunity, its possible
     * duplicates, its timeline, what this user may do with it, and whom a manager may assign it to.
     */
    public record LeadPage(Lead lead, SalesUser owner, Opportunity opportunity, Duplicates.Found duplicates,
            List<Timeline.Entry> timeline, Allowed allowed, List<SalesUser> assignees) {
    }

    /** The actions {@link Lead#allows} grants the signed-in user on the lead: the buttons the page offers. */
    public record Allowed(boolean assignToMe, boolean assignToOther, boolean qualify, boolean disqualify) {

        static Allowed of(Lead lead, Actor actor) {
            return new Allowed(lead.allows(actor, Lead.Action.ASSIGN_TO_ME),
                    lead.allows(actor, Lead.Action.ASSIGN_TO_OTHER), lead.allows(actor, Lead.Action.QUALIFY),
                    lead.allows(actor, Lead.Action.DISQUALIFY));
        }

        /** Whether the user may decide (qualify or disqualify). */
        public boolean decide() {
            return qualify || disqualify;
        }
    }

    private final Timeline timeline;
    private final Outbox outbox;
    private final Duplicates duplicates;
    private final AccountService accounts;
    private final ContactService contacts;
    private final OpportunityService opportunities;
    private final SalesConfig config;
    private final SalesUsers users;

    LeadService(Timeline timeline, Outbox outbox, Duplicates duplicates, AccountService accounts,
            ContactService contacts, OpportunityService opportunities, SalesConfig config, SalesUsers users) {
        this.users = users;
        this.timeline = timeline;
        this.outbox = outbox;
        this.duplicates = duplicates;
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.config = config;
    }

    /**
     * A lead view, newest first. {@code user} is the signed-in user (null when nobody is signed in, whose
     * "My open leads" is empty); {@code q} matches company, contact name, email or number.
     */
    public Page<Lead> view(LeadView view, String user, String q, int page) {
        StringBuilder where = new StringBuilder();
        Parameters parameters = new Parameters();
        if (view == LeadView.MY_OPEN) {
            if (user == null) {
                return new Page<>(List.of(), page, PAGE_SIZE, 0);
            }
            where.append("owner = :user and status = :open");
            parameters.and("user", user).and("open", LeadStatus.OPEN);
        } else {
            where.append("origin = :origin");
            parameters.and("origin", LeadOrigin.DUAL_WRITE);
        }
        if (q != null && !q.isBlank()) {
            String like = " like :q escape '" + Like.ESCAPE + "'";
            where.append(" and (lower(companyName)" + like + " or lower(firstName || ' ' || lastName)" + like
                    + " or lower(email)" + like + " or number = :number)");
            parameters.and("q", Like.contains(q));
            parameters.and("number", q.trim().toUpperCase(Locale.ROOT));
        }
        var query = Lead.<Lead>find(where.toString(), Sort.descending("createdAt", "id"), parameters);
        return Page.of(query.page(page - 1, PAGE_SIZE).list(), page, PAGE_SIZE,
                CappedCount.of("Lead", where.toString(), parameters));
    }

    public Lead get(long id) {
        Lead lead = Lead.findById(id);
        if (lead == null) {
            throw new NotFoundException("no lead " + id);
        }
        return lead;
    }

    /** The lead page as {@code actor} sees it. */
    @Transactional
    public LeadPage page(long id, Actor actor) {
        Lead lead = get(id);
        Opportunity opportunity = lead.opportunityId == null ? null : Opportunity.findById(lead.opportunityId);
        Long ownAccount = opportunity == null ? null : opportunity.account.id;
        Long ownContact = opportunity == null || opportunity.contact == null ? null : opportunity.contact.id;
        Allowed allowed = Allowed.of(lead, actor);
        List<SalesUser> assignees = allowed.assignToOther()
                ? users.all().stream().filter(user -> !user.username().equals(lead.owner)).toList()
                : List.of();
        return new LeadPage(lead, lead.owner == null ? null : users.named(lead.owner), opportunity,
                duplicates.of(lead, ownAccount, ownContact), timeline.of(RECORD_TYPE, lead.id), allowed, assignees);
    }

    public String urlOf(long id) {
        return config.publicUrl() + "/leads/" + id;
    }

    /**
     * Makes {@code assignee} (null or blank: the actor themself) the owner of an open lead: it shows in their My open
     * leads. Anyone takes an unowned lead; a sales manager takes over an owned one or assigns a lead to any Sales
     * user. The (re)assignment goes on the lead's timeline.
     *
     * @throws NotAllowedException when the actor may not (another's lead, or someone else to assign it to for a
     *                             salesperson)
     * @throws ConflictException   when the lead is not open, already the assignee's, changed since the page was
     *                             shown, or the assignee is no Sales user
     */
    @Transactional
    public Lead assign(long id, Long version, String assignee, Actor actor) {
        Lead lead = openLead(id);
        String to = assignee == null || assignee.isBlank() ? actor.username() : assignee.strip();
        boolean toMe = actor.is(to);
        if (toMe && actor.is(lead.owner)) {
            throw new ConflictException("lead.refused.alreadyYours", lead.number);
        }
        require(lead, actor, toMe ? Lead.Action.ASSIGN_TO_ME : Lead.Action.ASSIGN_TO_OTHER);
        if (to.equals(lead.owner)) {
            throw new ConflictException("lead.refused.alreadyTheirs", lead.number, users.named(to).displayName());
        }
        ConflictException.checkVersion(lead.version, version);
        if (!toMe && !users.isSalesUser(to)) {
            throw new ConflictException("lead.refused.noSuchUser", lead.number);
        }
        lead.owner = to;
        Lead.flush();
        if (toMe) {
            timeline.add(RECORD_TYPE, lead.id, Timeline.Source.USER, "timeline.lead.assigned", to, null, null,
                    lead.correlationId);
        } else {
            timeline.add(RECORD_TYPE, lead.id, Timeline.Source.USER, "timeline.lead.assignedBy", to,
                    actor.username(), null, lead.correlationId);
        }
        return lead;
    }

    /**
     * Qualifies an open lead: a new account from its Company section (or {@code existingAccountId}, an
     * account the user picked among the duplicate accounts the lead page offers, and no other), a contact from its
     * Contact section and an OPEN opportunity owned by the lead's owner (the actor, when the lead had none); then
     * tells Commerce (prospect in review, customers created).
     *
     * @return the new opportunity
     * @throws NotAllowedException when the lead is another's and the actor no sales manager
     * @throws ConflictException   when the lead is not open, changed since the page was shown, or the chosen account
     *                             is not (or no longer) one of the lead's possible duplicates
     */
    @Transactional
    public Opportunity qualify(long id, Long version, Long existingAccountId, Actor actor) {
        Lead lead = openLead(id);
        require(lead, actor, Lead.Action.QUALIFY);
        ConflictException.checkVersion(lead.version, version);
        String user = actor.username();
        Account existing = null;
        if (existingAccountId != null) {
            // only an account the page offered: any other id would hand another company's account (and, once won,
            // its organisation in Commerce) to this lead's requester
            if (!duplicates.offeredAccountIds(lead).contains(existingAccountId)) {
                throw new ConflictException(Account.findById(existingAccountId) == null ? "lead.refused.accountGone"
                        : "lead.refused.accountNotOffered", lead.number);
            }
            existing = Account.findById(existingAccountId);
        }
        long opportunityId = Opportunity.nextId();
        lead.status = LeadStatus.QUALIFIED;
        lead.decidedBy = user;
        lead.decidedAt = Instant.now();
        lead.opportunityId = opportunityId;
        if (lead.owner == null) {
            lead.owner = user;
        }
        Lead.flush(); // of two concurrent decisions, the second stops here (optimistic lock): nothing applied twice

        String leadUrl = "/leads/" + lead.id;
        Account account = existing != null ? existing
                : accounts.create(new CompanyInfo(lead.companyName, lead.street, lead.city, lead.postalCode,
                        lead.countryCode, lead.vatNumber, lead.website), user, lead.number, leadUrl, lead.correlationId);
        Contact contact = contacts.create(account,
                new ContactInfo(lead.firstName, lead.lastName, lead.email, lead.phone), user, lead.number, leadUrl,
                lead.correlationId);
        String name = Messages.get(UiLocale.current(), "opportunity.defaultName", account.name);
        // the lead's owner (the qualifier, or the owner a manager qualified for) works the opportunity
        Opportunity opportunity = opportunities.open(opportunityId, name, lead, account, contact, lead.owner, user);
        timeline.add(RECORD_TYPE, lead.id, Timeline.Source.USER, "timeline.lead.qualified", user, opportunity.number,
                "/opportunities/" + opportunity.id, lead.correlationId);
        if (existing != null) {
            timeline.add(AccountService.RECORD_TYPE, account.id, Timeline.Source.USER, "timeline.account.linkedToLead",
                    user, lead.number, leadUrl, lead.correlationId);
        }
        if (lead.fromCommerce()) {
            account.knownToCommerce = true;
            contact.knownToCommerce = true;
            outbox.publish(TableMaps.LEAD_DECISIONS, RECORD_TYPE, lead.id.toString(), EventTypes.LEAD_QUALIFIED, 1,
                    new LeadQualifiedV1(lead.id, lead.number, lead.prospectId, lead.prospectNumber, opportunity.id,
                            opportunity.number, account.record(), contact.record(), user, urlOf(lead.id)),
                    lead.correlationId);
        }
        return opportunity;
    }

    /**
     * Disqualifies an open lead with a reason, and tells Commerce (prospect rejected; the requester learns
     * the reason only when {@code reasonShareable}).
     *
     * @throws NotAllowedException when the lead is another's and the actor no sales manager
     * @throws ConflictException   when the lead is not open or changed since the page was shown
     */
    @Transactional
    public Lead disqualify(long id, Long version, DecisionReason reason, boolean reasonShareable, Actor actor) {
        if (reason == null) {
            throw new IllegalArgumentException("a disqualification needs a reason");
        }
        Lead lead = openLead(id);
        require(lead, actor, Lead.Action.DISQUALIFY);
        ConflictException.checkVersion(lead.version, version);
        String user = actor.username();
        if (lead.owner == null) {
            lead.owner = user;
        }
        lead.status = LeadStatus.DISQUALIFIED;
        lead.decisionReason = reason;
        lead.reasonShareable = reasonShareable;
        lead.decidedBy = user;
        lead.decidedAt = Instant.now();
        Lead.flush(); // of two concurrent decisions, the second stops here (optimistic lock): nothing applied twice
        timeline.add(RECORD_TYPE, lead.id, Timeline.Source.USER, "timeline.lead.disqualified." + reason, user, null,
                null, lead.correlationId);
        if (lead.fromCommerce()) {
            outbox.publish(TableMaps.LEAD_DECISIONS, RECORD_TYPE, lead.id.toString(), EventTypes.LEAD_DISQUALIFIED, 1,
                    new LeadDisqualifiedV1(lead.id, lead.number, lead.prospectId, lead.prospectNumber, reason,
                            reasonShareable, user, urlOf(lead.id)),
                    lead.correlationId);
        }
        return lead;
    }

    /** The lead, if it is still open. */
    private Lead openLead(long id) {
        Lead lead = get(id);
        if (lead.status != LeadStatus.OPEN) {
            throw new ConflictException("lead.refused." + lead.status, lead.number);
        }
        return lead;
    }

    /** Refuses, saying who may, an action {@link Lead#allows} does not grant the actor on this open lead. */
    private void require(Lead lead, Actor actor, Lead.Action action) {
        if (lead.allows(actor, action)) {
            return;
        }
        if (action == Lead.Action.ASSIGN_TO_OTHER || lead.owner == null) {
            throw new NotAllowedException("lead.notAllowed.ASSIGN_TO_OTHER", lead.number);
        }
        SalesUser owner = users.named(lead.owner);
        throw new NotAllowedException("lead.notAllowed." + action, lead.number, owner.displayName(), owner.firstName());
    }
}
