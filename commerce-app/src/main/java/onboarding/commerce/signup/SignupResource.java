package onboarding.commerce.signup;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import onboarding.commerce.site.Country;
import onboarding.ui.UiLocale;

/** The public partner signup page: form, submission (POST-redirect-GET), thanks page. */
@Path("/partner-signup")
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(SignupForm form, Map<String, String> errors, List<Country> countries,
                String refusal);

        static native TemplateInstance thanks(String ref);
    }

    private final SignupService signups;
    private final UiLocale locale;

    SignupResource(SignupService signups, UiLocale locale) {
        this.signups = signups;
        this.locale = locale;
    }

    @GET
    public TemplateInstance form() {
        return Templates.form(new SignupForm(), Map.of(), Country.all(locale.get()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(SignupForm form, @Context HttpServerRequest request) {
        SignupService.Result result = signups.submit(form, locale.get(), request.remoteAddress().hostAddress());
        if (!result.accepted()) {
            return Response.status(result.refusal() != null ? Response.Status.TOO_MANY_REQUESTS : Response.Status.BAD_REQUEST)
                    .entity(Templates.form(form, result.errors(), Country.all(locale.get()), result.refusal())).build();
        }
        UriBuilder thanks = UriBuilder.fromPath("/partner-signup/thanks");
        if (result.prospect() != null) {
            thanks.queryParam("ref", result.prospect().number);
        }
        return Response.seeOther(thanks.build()).build();
    }

    @GET
    @Path("thanks")
    public TemplateInstance thanks(@QueryParam("ref") String ref) {
        return Templates.thanks(ref != null && ref.matches("PR-\\d{6,}") ? ref : null);
    }
}
