package onboarding.commerce.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import onboarding.commerce.customer.Customer;
import onboarding.ui.security.SessionCookies;
import onboarding.ui.security.Sessions;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A one-time activation link (approval or invitation email): the partner user chooses a password, once, and is
 * signed in on the portal.
 */
@Path("/portal/activate")
@Produces(MediaType.TEXT_HTML)
public class ActivationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String token, Customer person, String error);

        static native TemplateInstance invalid();
    }

    private final ActivationService activations;
    private final Sessions sessions;
    private final SessionCookies cookies;

    ActivationResource(ActivationService activations, Sessions sessions, SessionCookies cookies) {
        this.activations = activations;
        this.sessions = sessions;
        this.cookies = cookies;
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
    public Response activate(@RestForm String token, @RestForm String password,
            @RestForm String passwordConfirmation, @Context HttpServerRequest request, @Context UriInfo uri) {
        var person = activations.holderOf(token);
        if (person.isEmpty()) {
            return Response.status(Response.Status.GONE).entity(Templates.invalid()).build();
        }
        String error = PartnerPasswords.problem(password, passwordConfirmation, person.get().email);
        if (error != null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.form(token, person.get(), error)).build();
        }
        if (!activations.activate(token, password)) {
            return Response.status(Response.Status.GONE).entity(Templates.invalid()).build();
        }
        String session = sessions.start(PartnerDirectory.REALM, person.get().id.toString(),
                request.remoteAddress().hostAddress(), request.getHeader(HttpHeaders.USER_AGENT));
        return Response.seeOther(URI.create("/portal")).cookie(cookies.of(session, uri)).build();
    }
}
