package onboarding.commerce.prospect;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import onboarding.bridge.timeline.Timeline;
import onboarding.ui.Page;

/** Reads prospects for the back office. */
@ApplicationScoped
public class ProspectService {

    public static final int PAGE_SIZE = 25;
    public static final String RECORD_TYPE = "prospect";

    private final Timeline timeline;

    ProspectService(Timeline timeline) {
        this.timeline = timeline;
    }

    /** All prospects, newest first; {@code q} matches company, contact name or email; {@code status} filters. */
    public Page<Prospect> search(String q, ProspectStatus status, int page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (q != null && !q.isBlank()) {
            where.add("(lower(companyName) like :q or lower(firstName || ' ' || lastName) like :q"
                    + " or lower(email) like :q or number = :number)");
            parameters.and("q", "%" + q.trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
            parameters.and("number", q.trim().toUpperCase(Locale.ROOT));
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        String query = String.join(" and ", where);
        Sort sort = Sort.descending("submittedAt", "id");
        var found = where.isEmpty() ? Prospect.<Prospect>findAll(sort) : Prospect.<Prospect>find(query, sort, parameters);
        List<Prospect> items = found.page(page - 1, PAGE_SIZE).list();
        long total = where.isEmpty() ? Prospect.count() : Prospect.count(query, parameters);
        return new Page<>(items, page, PAGE_SIZE, total);
    }

    public Prospect get(long id) {
        Prospect prospect = Prospect.findById(id);
        if (prospect == null) {
            throw new NotFoundException("no prospect " + id);
        }
        return prospect;
    }

    /** A record that looks like the same partner: why it matched, its label and where it is. */
    public record Duplicate(String reasonKey, String label, String href) {
    }

    /** Other prospects and customers with the same email, VAT number or company email domain. */
    public List<Duplicate> duplicatesOf(Prospect p) {
        StringBuilder match = new StringBuilder("lower(email) = :email");
        Parameters parameters = Parameters.with("email", p.email.toLowerCase(Locale.ROOT)).and("id", p.id);
        if (p.vatNumber != null) {
            match.append(" or vatNumber = :vat");
            parameters.and("vat", p.vatNumber);
        }
        String domain = onboarding.model.EmailDomains.companyDomain(p.email);
        if (domain != null) {
            match.append(" or lower(email) like :domain");
            parameters.and("domain", "%@" + domain);
        }
        List<Duplicate> found = new ArrayList<>();
        Prospect.<Prospect>find("id <> :id and (" + match + ")", Sort.descending("id"), parameters).page(0, 20).list()
                .forEach(other -> found.add(new Duplicate(reason(p, other.email, other.vatNumber),
                        other.number + " · " + other.companyName, "/hq/prospects/" + other.id)));
        onboarding.commerce.customer.Customer.<onboarding.commerce.customer.Customer>find(
                "(prospectId is null or prospectId <> :id) and (" + match + ")", Sort.descending("id"), parameters)
                .page(0, 20).list()
                .forEach(customer -> found.add(new Duplicate(reason(p, customer.email, customer.vatNumber),
                        customer.number + " · " + customer.name, "/hq/customers/" + customer.id)));
        return found;
    }

    private static String reason(Prospect p, String email, String vat) {
        if (email != null && email.equalsIgnoreCase(p.email)) {
            return "duplicate.sameEmail";
        }
        if (vat != null && vat.equals(p.vatNumber)) {
            return "duplicate.sameVat";
        }
        return "duplicate.sameDomain";
    }

    public List<Timeline.Entry> timelineOf(Prospect prospect) {
        return timeline.of(RECORD_TYPE, prospect.id);
    }
}
