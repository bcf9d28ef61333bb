package onboarding.commerce.customer;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import onboarding.bridge.link.RecordLinks;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.catalogue.Money;
import onboarding.commerce.catalogue.Shop;
import onboarding.model.CompanyInfo;
import onboarding.model.EventTypes;
import onboarding.model.OrganizationUpdatedV1;
import onboarding.model.TableMaps;
import onboarding.ui.CappedCount;
import onboarding.ui.ConflictException;
import onboarding.ui.Like;
import onboarding.ui.form.FormErrors;
import onboarding.ui.Page;

/** Customers in the back office: lists, hierarchy, organisation edits (replicated to Sales), credit limits. */
@ApplicationScoped
public class CustomerService {

    public static final String RECORD_TYPE = "customer";
    public static final int PAGE_SIZE = 25;
    /**
     * Maps under which an organisation customer may be linked to its Sales account: accounts-to-customers when
     * the customer came from a qualified lead, customers-to-accounts when the initial sync created the account.
     */
    public static final List<String> ACCOUNT_LINKS = List.of(TableMaps.ACCOUNTS_TO_CUSTOMERS,
            TableMaps.CUSTOMERS_TO_ACCOUNTS);

    private final Validator validator;
    private final Outbox outbox;
    private final Timeline timeline;
    private final RecordLinks links;
    private final CreditAccount credit;
    private final Shop shop;

    CustomerService(Validator validator, Outbox outbox, Timeline timeline, RecordLinks links, CreditAccount credit,
            Shop shop) {
        this.validator = validator;
        this.outbox = outbox;
        this.timeline = timeline;
        this.links = links;
        this.credit = credit;
        this.shop = shop;
    }

    public Page<Customer> search(String q, Customer.Type type, int page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (q != null && !q.isBlank()) {
            where.add("(lower(name) like :q escape '" + Like.ESCAPE + "' or lower(email) like :q escape '" + Like.ESCAPE
                    + "' or number = :number)");
            parameters.and("q", Like.contains(q)).and("number", q.trim().toUpperCase(Locale.ROOT));
        }
        if (type != null) {
            where.add("type = :type");
            parameters.and("type", type);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = Customer.<Customer>find(query, Sort.descending("createdAt", "id"), parameters);
        return Page.of(found.page(page - 1, PAGE_SIZE).list(), page, PAGE_SIZE, CappedCount.of("Customer", query, parameters));
    }

    public Customer get(long id) {
        Customer customer = Customer.findById(id);
        if (customer == null) {
            throw new NotFoundException("no customer " + id);
        }
        return customer;
    }

    public List<CreditEntry> creditHistory(Customer org) {
        return org.isOrganization() ? credit.history(org.id) : List.of();
    }

    public List<Timeline.Entry> timelineOf(Customer customer) {
        return timeline.of(RECORD_TYPE, customer.id);
    }

    /** The Sales record this customer is linked to (account or contact number), if any. */
    public String salesLabel(Customer customer) {
        List<String> maps = customer.isOrganization() ? ACCOUNT_LINKS : List.of(TableMaps.CONTACTS_TO_CUSTOMERS);
        return links.byLocalId(maps, customer.id.toString()).map(RecordLinks.Link::remoteLabel).orElse(null);
    }

    /**
     * Saves an organisation's name and address; the linked Sales account follows through the bridge.
     * Returns the errors per field (bundle keys); empty when saved.
     */
    @Transactional
    public Map<String, String> updateOrganization(long id, OrganizationForm form, String user) {
        Customer org = get(id);
        if (!org.isOrganization()) {
            throw new ConflictException("conflict.customer.notOrganization", org.number);
        }
        ConflictException.checkVersion(org.version, form.version);
        Map<String, String> errors = FormErrors.of(validator.validate(form.normalize()));
        if (!errors.isEmpty()) {
            return errors;
        }
        if (form.company().equals(companyOf(org))) {
            return Map.of(); // saved unchanged: nothing to note, nothing to replicate
        }
        org.name = form.name;
        org.street = form.street;
        org.city = form.city;
        org.postalCode = form.postalCode;
        org.countryCode = form.countryCode;
        org.vatNumber = form.vatNumber;
        org.website = form.website;
        timeline.add(RECORD_TYPE, org.id, Timeline.Source.USER, "timeline.customer.edited", user, null, null,
                correlationOf(org));
        links.byLocalId(ACCOUNT_LINKS, org.id.toString()).ifPresent(link ->
                outbox.publish(TableMaps.CUSTOMERS_TO_ACCOUNTS, RECORD_TYPE, org.id.toString(),
                        EventTypes.ORGANIZATION_UPDATED, 1, new OrganizationUpdatedV1(org.id, org.number,
                                Long.parseLong(link.remoteId()), companyOf(org), user), correlationOf(org)));
        return Map.of();
    }

    /**
     * Sets an organisation's credit limit and currency (a staff decision with a reason, kept in the credit history;
     * not replicated). The limit may go down to what orders already use and reserve, not below; the currency changes
     * only while nothing is used or reserved. Returns the errors per field (bundle keys); empty when saved.
     */
    @Transactional
    public Map<String, String> setCreditLimit(long id, CreditForm form, String user) {
        Customer org = get(id);
        if (!org.isOrganization()) {
            throw new ConflictException("conflict.customer.notOrganization", org.number);
        }
        org = credit.lock(id);
        ConflictException.checkVersion(org.version, form.version);
        form.normalize();
        Map<String, String> errors = new LinkedHashMap<>();
        String amountError = Money.error(form.creditLimit, true);
        if (amountError != null) {
            errors.put("creditLimit", amountError.equals("error.required") ? amountError : "error.creditLimit");
        }
        if (form.currency == null || !shop.sellsIn(form.currency)) {
            errors.put("currency", "error.currency");
        }
        if (form.reason == null) {
            errors.put("reason", "error.required");
        } else if (form.reason.length() > CreditForm.MAX_REASON) {
            errors.put("reason", "error.tooLong500");
        }
        BigDecimal committed = org.creditUsed.add(org.creditReserved);
        BigDecimal limit = Money.parse(form.creditLimit);
        if (!errors.containsKey("creditLimit") && limit.compareTo(committed) < 0) {
            errors.put("creditLimit", "error.creditLimit.belowCommitted");
        }
        if (!errors.containsKey("currency") && org.creditCurrency != null && !org.creditCurrency.equals(form.currency)
                && committed.signum() > 0) {
            errors.put("currency", "error.currency.inUse");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (org.creditLimit != null && limit.compareTo(org.creditLimit) == 0 && form.currency.equals(org.creditCurrency)) {
            return Map.of(); // saved unchanged: nothing to record
        }
        credit.setLimit(org, limit, form.currency, user, form.reason);
        return Map.of();
    }

    static CompanyInfo companyOf(Customer org) {
        return new CompanyInfo(org.name, org.street, org.city, org.postalCode, org.countryCode, org.vatNumber,
                org.website);
    }

    /** The correlation id of the partner the customer came from (its prospect's), null for other customers. */
    public static String correlationOf(Customer customer) {
        if (customer.prospectId == null) {
            return null;
        }
        onboarding.commerce.prospect.Prospect prospect = onboarding.commerce.prospect.Prospect.findById(customer.prospectId);
        return prospect == null ? null : prospect.correlationId;
    }
}
