package onboarding.ui.security;

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
import org.jboss.resteasy.reactive.RestForm;

/**
 * The sign-in page, its form (a CSRF-protected post like every other form) and sign-out. Field names are those of
 * the servlet tradition ({@code j_username}, {@code j_password}); {@code next} is the page to go back to.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, Long retryMinutes, boolean signedOut, String next,
                String username, String usernameLabel);
    }

    private final SignInService signIns;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final String usernameLabel;

    LoginResource(SignInService signIns, Sessions sessions, SessionCookies cookies, SessionConfig config) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.cookies = cookies;
        this.usernameLabel = config.usernameLabel();
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("signedOut") String signedOut, @QueryParam("next") String next) {
        return Templates.login(null, null, signedOut != null, LocalPath.orNull(next), "", usernameLabel);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm("j_username") String username, @RestForm("j_password") String password,
            @RestForm String next, @Context HttpServerRequest request, @Context UriInfo uri) {
        SignInService.Outcome outcome = signIns.signIn(username, password, request.remoteAddress().hostAddress(),
                request.getHeader(HttpHeaders.USER_AGENT));
        String safeNext = LocalPath.orNull(next);
        if (!outcome.signedIn()) {
            Long minutes = outcome.retryAfter() == null ? null : Math.max(1, (outcome.retryAfter().toSeconds() + 59) / 60);
            Response.ResponseBuilder answer = Response
                    .status(minutes == null ? Response.Status.BAD_REQUEST : Response.Status.TOO_MANY_REQUESTS)
                    .entity(Templates.login(outcome.errorKey(), minutes, false, safeNext,
                            username == null ? "" : username, usernameLabel));
            if (minutes != null) {
                answer.header(HttpHeaders.RETRY_AFTER, outcome.retryAfter().toSeconds());
            }
            return answer.build();
        }
        return Response.seeOther(URI.create(safeNext != null ? safeNext : outcome.landingPage()))
                .cookie(cookies.of(outcome.token(), uri)).build();
    }

    /** The address Quarkus' form authentication used; kept so that bookmarked forms and scripts keep working. */
    @POST
    @Path("j_security_check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signInLegacy(@RestForm("j_username") String username, @RestForm("j_password") String password,
            @RestForm String next, @Context HttpServerRequest request, @Context UriInfo uri) {
        return signIn(username, password, next, request, uri);
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpHeaders headers, @Context UriInfo uri) {
        var cookie = headers.getCookies().get(cookies.name());
        if (cookie != null) {
            sessions.end(cookie.getValue());
        }
        return Response.seeOther(URI.create("/login?signedOut=true")).cookie(cookies.cleared(uri)).build();
    }
}
