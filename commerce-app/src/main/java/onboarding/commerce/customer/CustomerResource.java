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
import java.net.URI;
import java.util.List;
import java.util.Map;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.catalogue.Shop;
import onboarding.commerce.site.Country;
import onboarding.ui.Page;
import onboarding.ui.UiLocale;

/** Back office: Customers list, a customer with its hierarchy, organisation edits and credit limit. */
@Path("/hq/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<Customer> page, String q, Customer.Type type, Customer.Type[] types,
                String filters);

        static native TemplateInstance detail(Customer customer, Customer parent, List<Customer> members,
                String salesLabel, OrganizationForm form, Map<String, String> errors, CreditForm credit,
                Map<String, String> creditErrors, List<String> currencies, String priceCurrency,
                List<CreditEntry> creditHistory, List<Country> countries, List<Timeline.Entry> timeline);
    }

    private final CustomerService customers;
    private final UiLocale locale;
    private final Shop shop;

    CustomerResource(CustomerService customers, UiLocale locale, Shop shop) {
        this.customers = customers;
        this.locale = locale;
        this.shop = shop;
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
        return render(customer, OrganizationForm.of(customer), Map.of(), creditForm(customer), Map.of());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @BeanParam OrganizationForm form, @Context SecurityContext security) {
        Map<String, String> errors = customers.updateOrganization(id, form, security.getUserPrincipal().getName());
        if (!errors.isEmpty()) {
            Customer customer = customers.get(id);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(customer, form, errors, creditForm(customer), Map.of())).build();
        }
        return Response.seeOther(URI.create("/hq/customers/" + id + "?saved=true")).build();
    }

    @POST
    @Path("{id}/credit-limit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response creditLimit(@PathParam("id") long id, @BeanParam CreditForm form, @Context SecurityContext security) {
        Map<String, String> errors = customers.setCreditLimit(id, form, security.getUserPrincipal().getName());
        if (!errors.isEmpty()) {
            Customer customer = customers.get(id);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(customer, OrganizationForm.of(customer), Map.of(), form, errors)).build();
        }
        return Response.seeOther(URI.create("/hq/customers/" + id + "?saved=true#credit")).build();
    }

    private TemplateInstance render(Customer customer, OrganizationForm form, Map<String, String> errors,
            CreditForm credit, Map<String, String> creditErrors) {
        Customer parent = customer.parentId == null ? null : Customer.findById(customer.parentId);
        return Templates.detail(customer, parent, customer.members(), customers.salesLabel(customer), form, errors,
                credit, creditErrors, shop.currencies(), shop.priceCurrency(), customers.creditHistory(customer),
                Country.all(locale.get()), customers.timelineOf(customer));
    }

    private CreditForm creditForm(Customer customer) {
        return CreditForm.of(customer, shop.priceCurrency());
    }

    private static Customer.Type parseType(String type) {
        try {
            return type == null || type.isBlank() ? null : Customer.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
