package onboarding.commerce.customer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.site.Country;
import onboarding.ui.Page;
import onboarding.ui.UiLocale;
import org.jboss.resteasy.reactive.RestForm;

/** Back office: Customers list, a customer with its hierarchy, organisation edits and credit limit. */
@Path("/hq/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<Customer> page, String q, Customer.Type type, Customer.Type[] types,
                String filters);

        static native TemplateInstance detail(Customer customer, Customer parent, List<Customer> members,
                String salesLabel, OrganizationForm form, Map<String, String> errors, String creditLimit,
                List<Country> countries, List<Timeline.Entry> timeline);
    }

    private final CustomerService customers;
    private final UiLocale locale;

    CustomerResource(CustomerService customers, UiLocale locale) {
        this.customers = customers;
        this.locale = locale;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("page") Integer page) {
        Customer.Type filter = parseType(type);
        String query = q == null ? "" : q;
        return Templates.list(customers.search(q, filter, Page.clamp(page)), query, filter, Customer.Type.values(),
                Page.filters("q", query, "type", filter == null ? "" : filter.name()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        Customer customer = customers.get(id);
        return render(customer, OrganizationForm.of(customer), Map.of(), plain(customer.creditLimit));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @BeanParam OrganizationForm form, @Context SecurityContext security) {
        Map<String, String> errors = customers.updateOrganization(id, form, security.getUserPrincipal().getName());
        if (!errors.isEmpty()) {
            Customer customer = customers.get(id);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(customer, form, errors, plain(customer.creditLimit))).build();
        }
        return Response.seeOther(URI.create("/hq/customers/" + id + "?saved=true")).build();
    }

    @POST
    @Path("{id}/credit-limit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response creditLimit(@PathParam("id") long id, @RestForm String creditLimit, @RestForm Long version,
            @Context SecurityContext security) {
        BigDecimal limit = parseAmount(creditLimit);
        Map<String, String> errors = customers.setCreditLimit(id, limit, version, security.getUserPrincipal().getName());
        if (!errors.isEmpty()) {
            Customer customer = customers.get(id);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(customer, OrganizationForm.of(customer), errors, creditLimit)).build();
        }
        return Response.seeOther(URI.create("/hq/customers/" + id + "?saved=true")).build();
    }

    private TemplateInstance render(Customer customer, OrganizationForm form, Map<String, String> errors,
            String creditLimit) {
        Customer parent = customer.parentId == null ? null : Customer.findById(customer.parentId);
        return Templates.detail(customer, parent, customer.members(), customers.salesLabel(customer), form, errors,
                creditLimit, Country.all(locale.get()), customers.timelineOf(customer));
    }

    private static BigDecimal parseAmount(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static Customer.Type parseType(String type) {
        try {
            return type == null || type.isBlank() ? null : Customer.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
