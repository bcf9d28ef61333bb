package onboarding.commerce.prospect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.mail.MailMessage;
import onboarding.commerce.mail.MailService;
import onboarding.ui.Page;

/** Back office: All prospects, and one prospect with its timeline. */
@Path("/hq/prospects")
@Produces(MediaType.TEXT_HTML)
public class ProspectResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<Prospect> page, String q, ProspectStatus status,
                ProspectStatus[] statuses, String filters);

        static native TemplateInstance detail(Prospect prospect, List<Timeline.Entry> timeline,
                List<MailMessage> mails, List<ProspectService.Duplicate> duplicates, Customer organization,
                Customer person);
    }

    private final ProspectService prospects;
    private final MailService mail;

    ProspectResource(ProspectService prospects, MailService mail) {
        this.prospects = prospects;
        this.mail = mail;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("page") Integer page) {
        ProspectStatus filter = parseStatus(status);
        String query = q == null ? "" : q;
        return Templates.list(prospects.search(q, filter, Page.clamp(page)), query, filter, ProspectStatus.values(),
                Page.filters("q", query, "status", filter == null ? "" : filter.name()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        Prospect prospect = prospects.get(id);
        return Templates.detail(prospect, prospects.timelineOf(prospect), mail.ofProspect(id),
                prospects.duplicatesOf(prospect),
                prospect.organizationCustomerId == null ? null : Customer.findById(prospect.organizationCustomerId),
                prospect.personCustomerId == null ? null : Customer.findById(prospect.personCustomerId));
    }

    private static ProspectStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProspectStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
