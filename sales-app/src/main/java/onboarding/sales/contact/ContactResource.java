package onboarding.sales.contact;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.Map;
import onboarding.sales.site.FormParams;

/** The contact page and its edit form (POST-redirect-GET; invalid input re-renders with 400). */
@Path("/contacts/{id}")
@Produces(MediaType.TEXT_HTML)
public class ContactResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(ContactService.ContactPage page, ContactForm form,
                Map<String, String> errors);
    }

    private final ContactService contacts;

    ContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @GET
    public TemplateInstance detail(@PathParam("id") long id) {
        ContactService.ContactPage page = contacts.page(id);
        return Templates.detail(page, ContactForm.of(page.contact()), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, ContactForm form, @Context SecurityContext security) {
        Map<String, String> errors = contacts.update(id, form, FormParams.user(security));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.detail(contacts.page(id), form, errors)).build();
        }
        return Response.seeOther(URI.create("/contacts/" + id)).build();
    }
}
