package onboarding.commerce.prospect;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import onboarding.bridge.timeline.Timeline;
import onboarding.ui.CappedCount;
import onboarding.ui.Like;
import onboarding.ui.Page;

/** Reads prospects for the back office. */
@ApplicationScoped
public class ProspectService {

    public static final int PAGE_SIZE = 25;
    public static final String RECORD_TYPE = "prospect";
    /** A search sorts at most this many matches by date; beyond, it walks the date index (see searchText). */
    static final int SORTED_MATCHES = 10_000;

    private final Timeline timeline;
    private final SearchWords searchWords;

    ProspectService(Timeline timeline, SearchWords searchWords) {
        this.timeline = timeline;
        this.searchWords = searchWords;
    }

    /**
     * All prospects, newest first; {@code q} matches company, contact name or email (containing the text, taken
     * literally) or the number (exactly); {@code status} filters. The total is counted up to a few pages ahead
     * ({@link Page#of}).
     */
    public Page<Prospect> search(String q, ProspectStatus status, int page) {
        if (q != null && !q.isBlank()) {
            return searchText(q, status, page);
        }
        // ids first here too: the page's ids come from the date index alone (an index-only scan, also deep in the
        // list: page 500 skips 12,475 index entries, not 12,475 rows), then 25 rows are read by id
        String where = status == null ? "" : "status = :status";
        Parameters parameters = status == null ? new Parameters() : Parameters.with("status", status);
        var ids = Prospect.getEntityManager().createQuery("select id from Prospect" + (where.isEmpty() ? "" : " where " + where)
                + " order by submittedAt desc, id desc", Long.class);
        parameters.map().forEach(ids::setParameter);
        List<Long> pageIds = ids.setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return Page.of(byIds(pageIds), page, PAGE_SIZE, CappedCount.of("Prospect", where, parameters));
    }

    /** The prospects of {@code ids}, in that order. */
    private static List<Prospect> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Prospect> byId = new HashMap<>();
        Prospect.<Prospect>list("id in ?1", ids).forEach(p -> byId.put(p.id, p));
        return ids.stream().map(byId::get).toList();
    }

    /**
     * A text search, ids first: the trigram index (V2026_11_27_91) finds the prospects whose search text holds the
     * rarest words of the text ({@link SearchWords}), the whole text is looked for in the search text of these rows
     * only (company, contact name and email, each on its own), the matches are sorted and the rows of the page are
     * read by id. Without the MATERIALIZED fence PostgreSQL may walk the submitted_at index instead, testing row after
     * row for 25 matches (250 ms at a million prospects when the matches are a few thousand). The same statement
     * counts the matches. A text that matches more than {@link #SORTED_MATCHES} prospects ("gmbh") is dense enough
     * for that walk to be the quick way, and sorting all its matches the slow one: the walk is used then.
     */
    private Page<Prospect> searchText(String q, ProspectStatus status, int page) {
        // the separator of the columns in the search text is no character anyone searches for
        String text = q.replace(String.valueOf(SearchWords.SEPARATOR), "");
        Map<String, Object> parameters = new HashMap<>(Map.of("text", text.trim().toLowerCase(Locale.ROOT),
                "number", text.trim().toUpperCase(Locale.ROOT), "offset", (page - 1) * PAGE_SIZE, "size", PAGE_SIZE));
        // the index is given the chosen words, or the whole text (a LIKE pattern) when no word is worth it; strpos
        // takes the text literally and is no index condition: PostgreSQL tests it on the rows the index found
        List<String> words = searchWords.forIndex(text);
        List<String> patterns = words.isEmpty() ? List.of(Like.contains(text)) : words.stream().map(Like::contains).toList();
        StringBuilder condition = new StringBuilder("((");
        for (int i = 0; i < patterns.size(); i++) {
            condition.append(SearchWords.DOCUMENT).append(" LIKE :pattern").append(i).append(" ESCAPE '").append(Like.ESCAPE)
                    .append("' AND ");
            parameters.put("pattern" + i, patterns.get(i));
        }
        condition.append("strpos(").append(SearchWords.DOCUMENT).append(", :text) > 0) OR number = :number)");
        if (status != null) {
            condition.append(" AND status = :status");
            parameters.put("status", status.name());
        }
        String where = condition.toString();
        List<Object[]> rows = nativeRows("WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE " + where
                + " LIMIT " + (SORTED_MATCHES + 1) + ") SELECT id, count(*) OVER () FROM matching"
                + " ORDER BY submitted_at DESC, id DESC OFFSET :offset LIMIT :size", parameters);
        LongUnaryOperator countUpTo = limit -> ((Number) nativeRows("SELECT count(*) FROM (SELECT 1 FROM prospect WHERE " + where
                + " LIMIT " + limit + ") counted", parameters).get(0)[0]).longValue();
        long matches = !rows.isEmpty() ? ((Number) rows.get(0)[1]).longValue() : page == 1 ? 0 : countUpTo.applyAsLong(SORTED_MATCHES + 1);
        if (matches > SORTED_MATCHES) {
            rows = nativeRows("SELECT id FROM prospect WHERE " + where + " ORDER BY submitted_at DESC, id DESC OFFSET :offset LIMIT :size",
                    parameters);
        } else {
            countUpTo = limit -> matches;
        }
        return Page.of(byIds(rows.stream().map(row -> ((Number) row[0]).longValue()).toList()), page, PAGE_SIZE, countUpTo);
    }

    /** Rows of a native query, each as an array of its columns; parameters the query does not name are left out. */
    private static List<Object[]> nativeRows(String sql, Map<String, Object> parameters) {
        Query query = Prospect.getEntityManager().createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return ((List<?>) query.getResultList()).stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList();
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
