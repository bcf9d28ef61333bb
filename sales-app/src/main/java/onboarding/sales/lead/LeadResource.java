package onboarding.sales.lead;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.Map;
import onboarding.model.DecisionReason;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.site.FormParams;
import onboarding.sales.user.Actor;
import onboarding.ui.Page;
import org.jboss.resteasy.reactive.RestForm;

/** Lead views (My open leads, All Commerce B2B leads), the lead page and the decisions taken there. */
@Path("/leads")
@Produces(MediaType.TEXT_HTML)
public class LeadResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(LeadView view, LeadView[] views, Page<Lead> page, String q, String filters);

        static native TemplateInstance detail(LeadService.LeadPage page, DecisionReason[] reasons,
                Map<String, String> errors);
    }

    private final LeadService leads;

    LeadResource(LeadService leads) {
        this.leads = leads;
    }

    @GET
    public TemplateInstance list(@QueryParam("view") String view, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @Context SecurityContext security) {
        LeadView chosen = LeadView.of(view);
        String query = q == null ? "" : q;
        return Templates.list(chosen, LeadView.values(), leads.view(chosen, FormParams.user(security), q,
                Page.clamp(page)), query, Page.filters("view", chosen.param, "q", query));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @Context SecurityContext security) {
        return Templates.detail(leads.page(id, Actor.of(security)), DecisionReason.values(), Map.of());
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @RestForm String version, @RestForm String assignee,
            @Context SecurityContext security) {
        leads.assign(id, FormParams.number(version), assignee, Actor.of(security));
        return Response.seeOther(URI.create("/leads/" + id)).build();
    }

    @POST
    @Path("{id}/qualify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response qualify(@PathParam("id") long id, @RestForm String version, @RestForm String accountId,
            @Context SecurityContext security) {
        Opportunity opportunity = leads.qualify(id, FormParams.number(version), FormParams.pickedId(accountId),
                Actor.of(security));
        return Response.seeOther(URI.create("/opportunities/" + opportunity.id)).build();
    }

    @POST
    @Path("{id}/disqualify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disqualify(@PathParam("id") long id, @RestForm String version, @RestForm String reason,
            @RestForm String reasonShareable, @Context SecurityContext security) {
        DecisionReason chosen = FormParams.reason(reason);
        if (chosen == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.detail(
                    leads.page(id, Actor.of(security)), DecisionReason.values(), Map.of("reason", "error.reason")))
                    .build();
        }
        leads.disqualify(id, FormParams.number(version), chosen, FormParams.checked(reasonShareable),
                Actor.of(security));
        return Response.seeOther(URI.create("/leads/" + id)).build();
    }
}
