package onboarding.sales.account;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import onboarding.bridge.Sql;
import onboarding.bridge.outbox.Outbox;
import onboarding.bridge.timeline.Timeline;
import onboarding.model.AccountUpdatedV1;
import onboarding.model.CompanyInfo;
import onboarding.model.EventTypes;
import onboarding.model.OrganizationSnapshotV1;
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

    /** The account an organisation customer was copied to. */
    public record Copied(String id, String number) {
    }

    private final Timeline timeline;
    private final Outbox outbox;
    private final Validator validator;
    private final DataSource dataSource;

    AccountService(Timeline timeline, Outbox outbox, Validator validator, DataSource dataSource) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.validator = validator;
        this.dataSource = dataSource;
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

    /**
     * An organisation customer copied by Commerce's initial sync (called by the bridge's inbox): Commerce wins.
     * Updates the account Commerce names ({@code accountId}) or the one created for this customer before, else
     * creates it; one statement either way, and the unique {@code commerce_customer_id} keeps it to one account
     * per customer however often the sync runs. An account whose data is already the same is left untouched
     * (neither its version nor its update time moves).
     *
     * @return the account's id and number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Copied upsertFromCommerce(OrganizationSnapshotV1 snapshot, String correlationId) {
        Object[] values = values(snapshot, correlationId);
        if (snapshot.accountId() != null) {
            Copied updated = upsert(UPDATE_LINKED, values, snapshot.accountId());
            if (updated != null) {
                return updated;
            }
        }
        return upsert(UPSERT_BY_CUSTOMER, values);
    }

    private static final String INPUT = """
            (VALUES (?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text))
              AS i (customer_id, name, street, city, postal_code, country_code, vat_number, website, correlation_id)""";
    /** Whether the account {@code a} differs from the copy in row {@code in} (whose customer id is {@code customer}). */
    private static String changed(String in, String customer) {
        return """
                (a.name, a.street, a.city, a.postal_code, a.country_code, a.vat_number, a.website,
                 a.commerce_customer_id, a.known_to_commerce) IS DISTINCT FROM (%1$s.name, %1$s.street, %1$s.city,
                 %1$s.postal_code, %1$s.country_code, %1$s.vat_number, %1$s.website, %1$s.%2$s, true)"""
                .formatted(in, customer);
    }

    private static final String UPDATE_LINKED = """
            UPDATE account a SET name = i.name, street = i.street, city = i.city, postal_code = i.postal_code,
                   country_code = i.country_code, vat_number = i.vat_number, website = i.website,
                   commerce_customer_id = i.customer_id, known_to_commerce = true,
                   version = a.version + CASE WHEN %1$s THEN 1 ELSE 0 END,
                   updated_at = CASE WHEN %1$s THEN now() ELSE a.updated_at END
              FROM %2$s
             WHERE a.id = ?
            RETURNING a.id, a.number""".formatted(changed("i", "customer_id"), INPUT);
    /** Inserts or overwrites the accounts of the customers in {@code %1$s} (one row, or many: {@link #UNNEST}). */
    private static final String UPSERT_BY_CUSTOMER_FROM = """
            INSERT INTO account AS a (id, number, name, street, city, postal_code, country_code, vat_number, website,
                   known_to_commerce, commerce_customer_id, correlation_id, created_at, updated_at, version)
            SELECT n.id, 'A-' || lpad(n.id::text, greatest(6, length(n.id::text)), '0'), n.name, n.street, n.city,
                   n.postal_code, n.country_code, n.vat_number, n.website, true, n.customer_id, n.correlation_id,
                   now(), now(), 0
              FROM (SELECT nextval('account_seq') AS id, i.* FROM %%1$s) n
            ON CONFLICT (commerce_customer_id) DO UPDATE SET name = excluded.name, street = excluded.street,
                   city = excluded.city, postal_code = excluded.postal_code, country_code = excluded.country_code,
                   vat_number = excluded.vat_number, website = excluded.website, known_to_commerce = true,
                   version = a.version + CASE WHEN %1$s THEN 1 ELSE 0 END,
                   updated_at = CASE WHEN %1$s THEN now() ELSE a.updated_at END
            RETURNING a.id, a.number, a.commerce_customer_id""".formatted(changed("excluded", "commerce_customer_id"));
    private static final String UNNEST = """
            unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
              AS i (customer_id, name, street, city, postal_code, country_code, vat_number, website, correlation_id)""";
    private static final String UPSERT_BY_CUSTOMER = UPSERT_BY_CUSTOMER_FROM.formatted(INPUT);
    private static final String UPSERT_ALL_BY_CUSTOMER = UPSERT_BY_CUSTOMER_FROM.formatted(UNNEST);

    /**
     * The initial sync's copies of many customers in one statement (a batch of the {@code customers-to-accounts}
     * sync); the accounts, in the order of {@code snapshots}. Copies that name their account, or two copies of one
     * customer, go one by one through {@link #upsertFromCommerce}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Copied> upsertAllFromCommerce(List<OrganizationSnapshotV1> snapshots, List<String> correlationIds) {
        long distinct = snapshots.stream().map(OrganizationSnapshotV1::customerId).distinct().count();
        if (distinct < snapshots.size() || snapshots.stream().anyMatch(s -> s.accountId() != null)) {
            List<Copied> copied = new java.util.ArrayList<>(snapshots.size());
            for (int i = 0; i < snapshots.size(); i++) {
                copied.add(upsertFromCommerce(snapshots.get(i), correlationIds.get(i)));
            }
            return copied;
        }
        List<Object[]> rows = new java.util.ArrayList<>(snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            rows.add(values(snapshots.get(i), correlationIds.get(i)));
        }
        Map<Long, Copied> byCustomer = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(UPSERT_ALL_BY_CUSTOMER)) {
            for (int k = 0; k < rows.get(0).length; k++) {
                int column = k;
                statement.setArray(k + 1, Sql.column(connection, k == 0 ? "int8" : "text", rows, row -> row[column]));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byCustomer.put(rs.getLong(3), new Copied(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy " + rows.size() + " customers to their accounts", e);
        }
        return snapshots.stream().map(s -> byCustomer.get(s.customerId())).toList();
    }

    /** A copy's row as {@link #INPUT} and {@link #UNNEST} take it: the customer id, then the company's text columns. */
    private static Object[] values(OrganizationSnapshotV1 snapshot, String correlationId) {
        CompanyInfo c = snapshot.company();
        return new Object[] { snapshot.customerId(), c.name(), c.street(), c.city(), c.postalCode(), c.countryCode(),
                c.vatNumber(), c.website(), correlationId };
    }

    private Copied upsert(String sql, Object[] values, Object... more) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int n = 1;
            for (Object value : values) {
                statement.setObject(n++, value);
            }
            for (Object value : more) {
                statement.setObject(n++, value);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Copied(rs.getString(1), rs.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy customer " + values[0] + " to its account", e);
        }
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
