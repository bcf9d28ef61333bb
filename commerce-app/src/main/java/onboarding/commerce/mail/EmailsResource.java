package onboarding.commerce.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import onboarding.ui.Page;

/** Back office: every email the app sent or tries to send, with its status. */
@Path("/hq/emails")
@Produces(MediaType.TEXT_HTML)
public class EmailsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<MailMessage> page);
    }

    private final MailService mail;

    EmailsResource(MailService mail) {
        this.mail = mail;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        return Templates.list(mail.list(Page.clamp(page)));
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") long id, @Context SecurityContext security) {
        long copy = mail.resend(id, security.getUserPrincipal().getName());
        return Response.seeOther(URI.create("/hq/emails#mail-" + copy)).build();
    }
}
