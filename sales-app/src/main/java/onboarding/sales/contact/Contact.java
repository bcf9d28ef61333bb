package onboarding.sales.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import onboarding.model.ContactInfo;
import onboarding.model.ContactRecord;
import onboarding.sales.account.Account;
import onboarding.ui.persistence.Sequences;

/** A person at an account; in Commerce a person customer of the account's organisation. */
@Entity
public class Contact extends PanacheEntityBase {

    /** From {@code contact_seq}, taken before the insert so the number can be derived from it. */
    @Id
    public Long id;

    /** Readable number, e.g. C-000009. */
    public String number;

    @ManyToOne
    public Account account;

    public String firstName;
    public String lastName;
    public String email;
    public String phone;

    /** True once Commerce was told about the contact (it has a customer for it): edits are replicated. */
    public boolean knownToCommerce;

    public String correlationId;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public String fullName() {
        return firstName + " " + lastName;
    }

    public ContactInfo info() {
        return new ContactInfo(firstName, lastName, email, phone);
    }

    public ContactRecord record() {
        return new ContactRecord(id, number, info());
    }

    public void applyInfo(ContactInfo info) {
        firstName = info.firstName();
        lastName = info.lastName();
        email = info.email();
        phone = info.phone();
    }

    public static long nextId() {
        return Sequences.next("contact_seq");
    }

    public static String numberOf(long id) {
        return String.format("C-%06d", id);
    }
}
