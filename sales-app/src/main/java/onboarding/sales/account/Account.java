package onboarding.sales.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import onboarding.model.AccountRecord;
import onboarding.model.CompanyInfo;
import onboarding.ui.persistence.Sequences;

/** An organisation Sales does business with; in Commerce it is an organisation customer. */
@Entity
public class Account extends PanacheEntityBase {

    /** From {@code account_seq}, taken before the insert so the number can be derived from it. */
    @Id
    public Long id;

    /** Readable number, e.g. A-000003. */
    public String number;

    public String name;
    public String street;
    public String city;
    public String postalCode;
    public String countryCode;
    public String vatNumber;
    public String website;

    /** True once Commerce was told about the account (it has a customer for it): edits are replicated. */
    public boolean knownToCommerce;

    /** The Commerce organisation customer of this account, once the initial sync told us (unique). */
    public Long commerceCustomerId;

    public String correlationId;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public CompanyInfo company() {
        return new CompanyInfo(name, street, city, postalCode, countryCode, vatNumber, website);
    }

    public AccountRecord record() {
        return new AccountRecord(id, number, company());
    }

    /** Copies the organisation's name, address, VAT number and website. */
    public void applyCompany(CompanyInfo company) {
        name = company.name();
        street = company.street();
        city = company.city();
        postalCode = company.postalCode();
        countryCode = company.countryCode();
        vatNumber = company.vatNumber();
        website = company.website();
    }

    public static long nextId() {
        return Sequences.next("account_seq");
    }

    public static String numberOf(long id) {
        return String.format("A-%06d", id);
    }
}
