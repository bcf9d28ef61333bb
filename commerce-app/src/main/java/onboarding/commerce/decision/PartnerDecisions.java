package onboarding.commerce.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.link.RecordLinks;
import onboarding.commerce.CommerceConfig;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.customer.CustomerService;
import onboarding.commerce.mail.PartnerMails;
import onboarding.commerce.mail.OneTimeLinks;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.prospect.ProspectStatus;
import onboarding.model.AccountRecord;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;
import onboarding.model.ContactRecord;
import onboarding.model.ContactUpdatedV1;
import onboarding.model.LeadDisqualifiedV1;
import onboarding.model.LeadQualifiedV1;
import onboarding.model.OpportunityClosedV1;
import onboarding.model.TableMaps;

/**
 * What Commerce does when Sales decides: customers on qualification, approval with the customer
 * hierarchy and the activation email, rejection with its email. Runs inside the bridge's inbox
 * transaction: an illegal state fails the event (the bridge retries, then shows it as dead) and changes
 * nothing; a decision is applied, and its email queued, exactly once.
 */
@ApplicationScoped
public class PartnerDecisions {

    private final RecordLinks links;
    private final PartnerMails mails;
    private final CommerceConfig config;

    PartnerDecisions(RecordLinks links, PartnerMails mails, CommerceConfig config) {
        this.links = links;
        this.mails = mails;
        this.config = config;
    }

    public ApplyResult qualified(LeadQualifiedV1 lead) {
        Prospect prospect = prospect(lead.prospectId());
        require(prospect, ProspectStatus.NEW, "be put in review");
        Customer org = organizationFor(lead.account(), prospect);
        Customer person = personFor(lead.contact(), org, prospect);
        prospect.status = ProspectStatus.IN_REVIEW;
        prospect.organizationCustomerId = org.id;
        prospect.personCustomerId = person.id;
        prospect.opportunityNumber = lead.opportunityNumber();
        prospect.decidedBy = lead.qualifiedBy();
        return new ApplyResult(prospect.id.toString(), prospect.number);
    }

    public ApplyResult disqualified(LeadDisqualifiedV1 lead) {
        Prospect prospect = prospect(lead.prospectId());
        require(prospect, ProspectStatus.NEW, "be rejected after disqualification");
        reject(prospect, lead.reason() == null ? null : lead.reason().name(), lead.reasonShareable(),
                lead.disqualifiedBy());
        return new ApplyResult(prospect.id.toString(), prospect.number);
    }

    public ApplyResult closed(OpportunityClosedV1 opportunity) {
        Prospect prospect = prospect(opportunity.prospectId());
        require(prospect, ProspectStatus.IN_REVIEW, opportunity.outcome() == OpportunityClosedV1.Outcome.WON
                ? "be approved" : "be rejected after a lost opportunity");
        if (opportunity.outcome() == OpportunityClosedV1.Outcome.WON) {
            approve(prospect, opportunity.closedBy());
        } else {
            reject(prospect, opportunity.reason() == null ? null : opportunity.reason().name(),
                    opportunity.reasonShareable(), opportunity.closedBy());
        }
        return new ApplyResult(prospect.id.toString(), prospect.number);
    }

    public ApplyResult accountUpdated(AccountUpdatedV1 account) {
        Customer org = linked(CustomerService.ACCOUNT_LINKS, account.accountId(), account.accountNumber());
        applyCompany(org, account.company());
        return new ApplyResult(org.id.toString(), org.number);
    }

    public ApplyResult contactUpdated(ContactUpdatedV1 contact) {
        Customer person = linked(List.of(TableMaps.CONTACTS_TO_CUSTOMERS), contact.contactId(), contact.contactNumber());
        applyContact(person, contact.contact());
        return new ApplyResult(person.id.toString(), person.number);
    }

    /** Approval: the organisation becomes an active partner with the requester as its administrator. */
    private void approve(Prospect prospect, String by) {
        Customer org = Customer.findById(prospect.organizationCustomerId);
        Customer admin = Customer.findById(prospect.personCustomerId);
        org.status = Customer.Status.ACTIVE;
        admin.parentId = org.id;
        admin.role = Customer.Role.ADMIN;
        admin.status = Customer.Status.PENDING_ACTIVATION;
        prospect.status = ProspectStatus.APPROVED;
        prospect.decidedBy = by;
        prospect.decidedAt = Instant.now();
        mails.approved(prospect, admin, config.publicUrl() + "/portal/activate?token=" + OneTimeLinks.PLACEHOLDER);
    }

    private void reject(Prospect prospect, String reason, boolean shareable, String by) {
        prospect.status = ProspectStatus.REJECTED;
        prospect.decisionReason = reason;
        prospect.reasonShareable = shareable;
        prospect.decidedBy = by;
        prospect.decidedAt = Instant.now();
        mails.rejected(prospect, shareable && reason != null ? "reason." + reason : null);
    }

    private Customer organizationFor(AccountRecord account, Prospect prospect) {
        Optional<Customer> existing = links.byRemoteId(CustomerService.ACCOUNT_LINKS, Long.toString(account.accountId()))
                .map(link -> Customer.findById(Long.parseLong(link.localId())));
        if (existing.isPresent()) {
            return existing.get();
        }
        Customer org = Customer.create(Customer.Type.ORGANIZATION);
        applyCompany(org, account.company());
        org.prospectId = prospect.id;
        org.persist();
        links.link(TableMaps.ACCOUNTS_TO_CUSTOMERS, org.id.toString(), Long.toString(account.accountId()),
                account.accountNumber());
        return org;
    }

    private Customer personFor(ContactRecord contact, Customer org, Prospect prospect) {
        Optional<Customer> existing = links.byRemoteId(TableMaps.CONTACTS_TO_CUSTOMERS, Long.toString(contact.contactId()))
                .map(link -> Customer.findById(Long.parseLong(link.localId())));
        if (existing.isPresent()) {
            return existing.get();
        }
        Customer person = Customer.create(Customer.Type.PERSON);
        applyContact(person, contact.contact());
        person.parentId = org.id;
        person.role = Customer.Role.USER;
        person.prospectId = prospect.id;
        person.persist();
        links.link(TableMaps.CONTACTS_TO_CUSTOMERS, person.id.toString(), Long.toString(contact.contactId()),
                contact.contactNumber());
        return person;
    }

    private static void applyCompany(Customer org, CompanyInfo company) {
        org.name = company.name();
        org.street = company.street();
        org.city = company.city();
        org.postalCode = company.postalCode();
        org.countryCode = company.countryCode();
        org.vatNumber = company.vatNumber();
        org.website = company.website();
    }

    private static void applyContact(Customer person, ContactInfo contact) {
        person.firstName = contact.firstName();
        person.lastName = contact.lastName();
        person.name = contact.firstName() + " " + contact.lastName();
        person.email = contact.email();
        person.phone = contact.phone();
    }

    private Customer linked(List<String> maps, long remoteId, String remoteLabel) {
        return links.byRemoteId(maps, Long.toString(remoteId))
                .map(link -> (Customer) Customer.findById(Long.parseLong(link.localId())))
                .orElseThrow(() -> new IllegalStateException("no customer is linked to " + remoteLabel));
    }

    private static Prospect prospect(long id) {
        Prospect prospect = Prospect.findById(id);
        if (prospect == null) {
            throw new IllegalStateException("no prospect " + id);
        }
        return prospect;
    }

    private static void require(Prospect prospect, ProspectStatus expected, String action) {
        if (prospect.status != expected) {
            throw new IllegalStateException("prospect " + prospect.number + " is " + prospect.status + " and cannot "
                    + action + " (expected " + expected + ")");
        }
    }
}
