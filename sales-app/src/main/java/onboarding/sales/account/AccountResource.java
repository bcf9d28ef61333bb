package onboarding.sales.account;

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
import java.util.Map;
import onboarding.sales.site.FormParams;

/** The account page and its edit form (POST-redirect-GET; invalid input re-renders with 400). */
@Path("/accounts/{id}")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(AccountService.AccountPage page, AccountForm form,
                Map<String, String> errors);
    }

    private final AccountService accounts;

    AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public TemplateInstance detail(@PathParam("id") long id) {
        AccountService.AccountPage page = accounts.page(id);
        return Templates.detail(page, AccountForm.of(page.account()), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @BeanParam AccountForm form, @Context SecurityContext security) {
        Map<String, String> errors = accounts.update(id, form, FormParams.user(security));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.detail(accounts.page(id), form, errors)).build();
        }
        return Response.seeOther(URI.create("/accounts/" + id)).build();
    }
}
