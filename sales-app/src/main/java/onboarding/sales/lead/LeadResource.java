package onboarding.sales.lead;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import onboarding.bridge.timeline.Timeline;
import onboarding.ui.Page;

/** Lead views (My open leads, All Commerce B2B leads) and the lead form. */
@Path("/leads")
@Produces(MediaType.TEXT_HTML)
public class LeadResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(LeadView view, LeadView[] views, Page<Lead> page, String q, String filters);

        static native TemplateInstance detail(Lead lead, List<Timeline.Entry> timeline);
    }

    private final LeadService leads;

    LeadResource(LeadService leads) {
        this.leads = leads;
    }

    @GET
    public TemplateInstance list(@QueryParam("view") String view, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @Context SecurityContext security) {
        LeadView chosen = LeadView.of(view);
        String user = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        String query = q == null ? "" : q;
        return Templates.list(chosen, LeadView.values(), leads.view(chosen, user, q, Page.clamp(page)), query,
                Page.filters("view", chosen.param, "q", query));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        Lead lead = leads.get(id);
        return Templates.detail(lead, leads.timelineOf(lead));
    }
}
