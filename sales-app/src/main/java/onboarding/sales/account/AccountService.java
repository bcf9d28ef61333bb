package onboarding.sales.account;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.timeline.Timeline;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.EventTypes;
import onboarding.model.TableMaps;
import onboarding.sales.contact.Contact;
import onboarding.sales.opportunity.Opportunity;
import onboarding.ui.form.FormErrors;
import onboarding.ui.ConflictException;

/** Accounts: created when a lead is qualified, edited by sales users, replicated to Commerce customers. */
@ApplicationScoped
public class AccountService {

    public static final String RECORD_TYPE = "account";

    /** What the account page shows. */
    public record AccountPage(Account account, List<Contact> contacts, List<Opportunity> opportunities,
            List<Timeline.Entry> timeline) {
    }

    private final Timeline timeline;
    private final Outbox outbox;
    private final Validator validator;

    AccountService(Timeline timeline, Outbox outbox, Validator validator) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.validator = validator;
    }

    @Transactional
    public AccountPage page(long id) {
        Account account = get(id);
        return new AccountPage(account,
                Contact.list("account.id", Sort.ascending("lastName", "firstName", "id"), id),
                Opportunity.list("account.id", Sort.descending("createdAt", "id"), id),
                timeline.of(RECORD_TYPE, id));
    }

    public Account get(long id) {
        Account account = Account.findById(id);
        if (account == null) {
            throw new NotFoundException("no account " + id);
        }
        return account;
    }

    /** A new account for the organisation of a lead being qualified (joins the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account create(CompanyInfo company, String user, String leadNumber, String leadUrl, String correlationId) {
        Account account = new Account();
        account.id = Account.nextId();
        account.number = Account.numberOf(account.id);
        account.applyCompany(company);
        account.correlationId = correlationId;
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        account.persist();
        timeline.add(RECORD_TYPE, account.id, Timeline.Source.USER, "timeline.account.createdFromLead", user,
                leadNumber, leadUrl, correlationId);
        return account;
    }

    /**
     * Saves an edit made with the form of {@code form.version}. Invalid input changes nothing and gives the
     * errors by field; a saved change of an account Commerce knows is replicated to its customer.
     *
     * @throws ConflictException when the account changed since the form was rendered
     */
    @Transactional
    public Map<String, String> update(long id, AccountForm form, String user) {
        Account account = get(id);
        ConflictException.checkVersion(account.version, form.version);
        Map<String, String> errors = FormErrors.of(validator.validate(form.normalize()));
        if (!errors.isEmpty()) {
            return errors;
        }
        CompanyInfo company = form.company();
        if (company.equals(account.company())) {
            return Map.of();
        }
        change(account, company, user);
        timeline.add(RECORD_TYPE, account.id, Timeline.Source.USER, "timeline.account.edited", user, null, null,
                account.correlationId);
        return Map.of();
    }

    /**
     * Commerce staff edited the organisation customer of an account (called by the bridge's inbox). The
     * change goes through the same path as a user's edit; the bridge drops its event, so nothing echoes back.
     *
     * @throws IllegalStateException when there is no such account (the event fails and Commerce retries it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account applyFromCommerce(long accountId, CompanyInfo company, String updatedBy) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new IllegalStateException("no account " + accountId + " in Sales");
        }
        account.knownToCommerce = true;
        if (!company.equals(account.company())) {
            change(account, company, updatedBy);
        }
        return account;
    }

    /** Applies a change and, when Commerce knows the account, tells it in the same transaction. */
    private void change(Account account, CompanyInfo company, String by) {
        account.applyCompany(company);
        account.updatedAt = Instant.now();
        Account.flush(); // a concurrent edit loses here (optimistic lock), before anything else is written
        if (account.knownToCommerce) {
            outbox.publish(TableMaps.ACCOUNTS_TO_CUSTOMERS, RECORD_TYPE, account.id.toString(),
                    EventTypes.ACCOUNT_UPDATED, 1, new AccountUpdatedV1(account.id, account.number, company, by),
                    account.correlationId);
        }
    }
}
