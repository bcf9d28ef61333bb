package onboarding.bridge.alert;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import onboarding.model.TableMaps;
import onboarding.ui.UiLocale;
import org.jboss.resteasy.reactive.RestForm;

/** Alert rules on the operator console: new and edit forms, enable, disable, delete; acknowledging an alert. */
@Path("/dualwrite/console/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rule(Long id, AlertRuleForm form, Map<String, String> errors, List<String> maps);
    }

    private final AlertRules rules;

    AlertResource(AlertRules rules) {
        this.rules = rules;
    }

    @GET
    @Path("rules/new")
    public TemplateInstance newRule() {
        return Templates.rule(null, AlertRuleForm.blank(UiLocale.current().getLanguage()), Map.of(), TableMaps.ALL);
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AlertRuleForm form, @Context SecurityContext security) {
        Map<String, String> errors = rules.create(form, security.getUserPrincipal().getName());
        return errors.isEmpty() ? backToConsole() : invalid(null, form, errors);
    }

    @GET
    @Path("rules/{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.rule(id, AlertRuleForm.of(rules.get(id)), Map.of(), TableMaps.ALL);
    }

    @POST
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam AlertRuleForm form) {
        Map<String, String> errors = rules.update(id, form);
        return errors.isEmpty() ? backToConsole() : invalid(id, form, errors);
    }

    @POST
    @Path("rules/{id}/enable")
    public Response enable(@PathParam("id") long id, @RestForm String version) {
        rules.setEnabled(id, true, AlertRules.version(version));
        return backToConsole();
    }

    @POST
    @Path("rules/{id}/disable")
    public Response disable(@PathParam("id") long id, @RestForm String version) {
        rules.setEnabled(id, false, AlertRules.version(version));
        return backToConsole();
    }

    @POST
    @Path("rules/{id}/delete")
    public Response delete(@PathParam("id") long id, @RestForm String version) {
        rules.delete(id, AlertRules.version(version));
        return backToConsole();
    }

    @POST
    @Path("{id}/acknowledge")
    public Response acknowledge(@PathParam("id") long id, @Context SecurityContext security) {
        rules.acknowledge(id, security.getUserPrincipal().getName());
        return backToConsole();
    }

    private static Response invalid(Long id, AlertRuleForm form, Map<String, String> errors) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Templates.rule(id, form, errors, TableMaps.ALL))
                .build();
    }

    private static Response backToConsole() {
        return Response.seeOther(URI.create("/dualwrite#alert-rules")).build();
    }
}
