package onboarding.sales.lead;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import onboarding.bridge.timeline.Timeline;
import onboarding.ui.Page;

/** Reads leads for the lead views. */
@ApplicationScoped
public class LeadService {

    public static final int PAGE_SIZE = 25;
    public static final String RECORD_TYPE = "lead";

    private final Timeline timeline;

    LeadService(Timeline timeline) {
        this.timeline = timeline;
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
            where.append(" and (lower(companyName) like :q or lower(firstName || ' ' || lastName) like :q"
                    + " or lower(email) like :q or number = :number)");
            parameters.and("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
            parameters.and("number", q.trim().toUpperCase(Locale.ROOT));
        }
        var query = Lead.<Lead>find(where.toString(), Sort.descending("createdAt", "id"), parameters);
        return new Page<>(query.page(page - 1, PAGE_SIZE).list(), page, PAGE_SIZE,
                Lead.count(where.toString(), parameters));
    }

    public Lead get(long id) {
        Lead lead = Lead.findById(id);
        if (lead == null) {
            throw new NotFoundException("no lead " + id);
        }
        return lead;
    }

    public List<Timeline.Entry> timelineOf(Lead lead) {
        return timeline.of(RECORD_TYPE, lead.id);
    }
}
