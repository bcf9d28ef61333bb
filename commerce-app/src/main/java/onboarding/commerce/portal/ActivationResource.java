package onboarding.commerce.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import onboarding.commerce.customer.Customer;
import org.jboss.resteasy.reactive.RestForm;

/** The partner administrator's one-time activation link: choose a password, once. */
@Path("/portal/activate")
@Produces(MediaType.TEXT_HTML)
public class ActivationResource {

    static final int MIN_PASSWORD = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String token, Customer person, String error);

        static native TemplateInstance invalid();

        static native TemplateInstance done(String email);
    }

    private final ActivationService activations;

    ActivationResource(ActivationService activations) {
        this.activations = activations;
    }

    @GET
    public Response form(@QueryParam("token") String token) {
        return activations.holderOf(token)
                .map(person -> Response.ok(Templates.form(token, person, null)))
                .orElseGet(() -> Response.status(Response.Status.GONE).entity(Templates.invalid()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@RestForm String token, @RestForm String password, @RestForm String confirm) {
        var person = activations.holderOf(token);
        if (person.isEmpty()) {
            return Response.status(Response.Status.GONE).entity(Templates.invalid()).build();
        }
        String error = password == null || password.length() < MIN_PASSWORD ? "activation.error.short"
                : !password.equals(confirm) ? "activation.error.mismatch" : null;
        if (error != null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.form(token, person.get(), error)).build();
        }
        if (!activations.activate(token, password)) {
            return Response.status(Response.Status.GONE).entity(Templates.invalid()).build();
        }
        return Response.ok(Templates.done(person.get().email)).build();
    }
}
