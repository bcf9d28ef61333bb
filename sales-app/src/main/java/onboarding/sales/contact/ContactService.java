package onboarding.sales.contact;

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
import onboarding.model.ContactInfo;
import onboarding.model.ContactUpdatedV1;
import onboarding.model.EventTypes;
import onboarding.model.TableMaps;
import onboarding.sales.account.Account;
import onboarding.sales.opportunity.Opportunity;
import onboarding.ui.form.FormErrors;
import onboarding.ui.ConflictException;

/** Contacts: created when a lead is qualified, edited by sales users, replicated to Commerce customers. */
@ApplicationScoped
public class ContactService {

    public static final String RECORD_TYPE = "contact";

    /** What the contact page shows. */
    public record ContactPage(Contact contact, List<Opportunity> opportunities, List<Timeline.Entry> timeline) {
    }

    private final Timeline timeline;
    private final Outbox outbox;
    private final Validator validator;

    ContactService(Timeline timeline, Outbox outbox, Validator validator) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.validator = validator;
    }

    @Transactional
    public ContactPage page(long id) {
        Contact contact = get(id);
        return new ContactPage(contact, Opportunity.list("contact.id", Sort.descending("createdAt", "id"), id),
                timeline.of(RECORD_TYPE, id));
    }

    public Contact get(long id) {
        Contact contact = Contact.findById(id);
        if (contact == null) {
            throw new NotFoundException("no contact " + id);
        }
        return contact;
    }

    /** A new contact at {@code account} for the person of a lead being qualified (joins the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact create(Account account, ContactInfo info, String user, String leadNumber, String leadUrl,
            String correlationId) {
        Contact contact = new Contact();
        contact.id = Contact.nextId();
        contact.number = Contact.numberOf(contact.id);
        contact.account = account;
        contact.applyInfo(info);
        contact.correlationId = correlationId;
        contact.createdAt = Instant.now();
        contact.updatedAt = contact.createdAt;
        contact.persist();
        timeline.add(RECORD_TYPE, contact.id, Timeline.Source.USER, "timeline.contact.createdFromLead", user,
                leadNumber, leadUrl, correlationId);
        return contact;
    }

    /**
     * Saves an edit made with the form of {@code form.version}. Invalid input changes nothing and gives the
     * errors by field; a saved change of a contact Commerce knows is replicated to its customer.
     *
     * @throws ConflictException when the contact changed since the form was rendered
     */
    @Transactional
    public Map<String, String> update(long id, ContactForm form, String user) {
        Contact contact = get(id);
        ConflictException.checkVersion(contact.version, form.version);
        Map<String, String> errors = FormErrors.of(validator.validate(form.normalize()));
        if (!errors.isEmpty()) {
            return errors;
        }
        ContactInfo info = form.info();
        if (info.equals(contact.info())) {
            return Map.of();
        }
        contact.applyInfo(info);
        contact.updatedAt = Instant.now();
        Contact.flush(); // a concurrent edit loses here (optimistic lock), before anything else is written
        timeline.add(RECORD_TYPE, contact.id, Timeline.Source.USER, "timeline.contact.edited", user, null, null,
                contact.correlationId);
        if (contact.knownToCommerce) {
            outbox.publish(TableMaps.CONTACTS_TO_CUSTOMERS, RECORD_TYPE, contact.id.toString(),
                    EventTypes.CONTACT_UPDATED, 1, new ContactUpdatedV1(contact.id, contact.number, info, user),
                    contact.correlationId);
        }
        return Map.of();
    }
}
