package onboarding.commerce.order;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import onboarding.commerce.customer.Customer;
import onboarding.ui.Page;
import org.jboss.resteasy.reactive.RestForm;

/** Back office: every order, one order with *Cancel* and *Record a payment* (staff). */
@Path("/hq/orders")
@Produces(MediaType.TEXT_HTML)
public class HqOrderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<PurchaseOrder> page, PurchaseOrder.Status status,
                PurchaseOrder.Status[] statuses, String filters);

        static native TemplateInstance detail(PurchaseOrder order, Customer organization, List<Timeline.Entry> timeline,
                String amount, Map<String, String> errors, boolean saved);
    }

    private final OrderService orders;

    HqOrderResource(OrderService orders) {
        this.orders = orders;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") Integer page) {
        PurchaseOrder.Status filter = parseStatus(status);
        return Templates.list(orders.all(filter, Page.clamp(page)), filter, PurchaseOrder.Status.values(),
                Page.filters("status", filter == null ? "" : filter.name()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return render(orders.get(id), "", Map.of(), saved != null);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @RestForm Long version, @Context SecurityContext security) {
        orders.cancel(id, version, security.getUserPrincipal().getName());
        return Response.seeOther(URI.create("/hq/orders/" + id + "?saved=true")).build();
    }

    @POST
    @Path("{id}/payment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response payment(@PathParam("id") long id, @RestForm String amount, @Context SecurityContext security) {
        Map<String, String> errors = orders.recordPayment(id, amount, security.getUserPrincipal().getName());
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(render(orders.get(id), amount, errors, false))
                    .build();
        }
        return Response.seeOther(URI.create("/hq/orders/" + id + "?saved=true")).build();
    }

    private TemplateInstance render(PurchaseOrder order, String amount, Map<String, String> errors, boolean saved) {
        return Templates.detail(order, Customer.findById(order.organizationId), orders.timelineOf(order),
                amount == null ? "" : amount, errors, saved);
    }

    private static PurchaseOrder.Status parseStatus(String status) {
        try {
            return status == null || status.isBlank() ? null : PurchaseOrder.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
