package onboarding.sales.opportunity;

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
import onboarding.model.OpportunityClosedV1.Outcome;
import onboarding.sales.site.FormParams;
import onboarding.sales.user.Actor;
import onboarding.ui.Page;
import org.jboss.resteasy.reactive.RestForm;

/** All opportunities, the opportunity page, and closing it as won or lost. */
@Path("/opportunities")
@Produces(MediaType.TEXT_HTML)
public class OpportunityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<Opportunity> page);

        static native TemplateInstance detail(OpportunityService.OpportunityPage page, DecisionReason[] reasons,
                Map<String, String> errors);
    }

    private final OpportunityService opportunities;

    OpportunityResource(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        return Templates.list(opportunities.list(Page.clamp(page)));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @Context SecurityContext security) {
        return Templates.detail(opportunities.page(id, Actor.of(security)), DecisionReason.values(), Map.of());
    }

    @POST
    @Path("{id}/won")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response won(@PathParam("id") long id, @RestForm String version, @Context SecurityContext security) {
        opportunities.close(id, FormParams.number(version), Outcome.WON, null, false, Actor.of(security));
        return Response.seeOther(URI.create("/opportunities/" + id)).build();
    }

    @POST
    @Path("{id}/lost")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lost(@PathParam("id") long id, @RestForm String version, @RestForm String reason,
            @RestForm String reasonShareable, @Context SecurityContext security) {
        DecisionReason chosen = FormParams.reason(reason);
        if (chosen == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.detail(opportunities.page(id,
                    Actor.of(security)), DecisionReason.values(), Map.of("reason", "error.reason"))).build();
        }
        opportunities.close(id, FormParams.number(version), Outcome.LOST, chosen, FormParams.checked(reasonShareable),
                Actor.of(security));
        return Response.seeOther(URI.create("/opportunities/" + id)).build();
    }
}
