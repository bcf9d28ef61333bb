package onboarding.commerce.portal;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.catalogue.Shop;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.order.OrderForm;
import onboarding.commerce.order.OrderService;
import onboarding.commerce.order.PurchaseOrder;
import onboarding.ui.Page;

/**
 * Orders on account in the portal: the order form (one quantity per active product, {@code qty-<SKU>}), its review
 * (what confirming will do), the confirmation, the user's orders and one order with its history.
 */
@Path("/portal/orders")
@Produces(MediaType.TEXT_HTML)
public class PortalOrderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Customer organization, List<Product> products, OrderForm form,
                Map<String, String> errors, String currency);

        static native TemplateInstance review(Customer organization, OrderService.Review review, String priceCurrency,
                boolean changed);

        static native TemplateInstance list(Page<PurchaseOrder> page, boolean company);

        static native TemplateInstance detail(PurchaseOrder order, List<Timeline.Entry> timeline, boolean placed);
    }

    private final CurrentPartner partner;
    private final OrderService orders;
    private final Shop shop;

    PortalOrderResource(CurrentPartner partner, OrderService orders, Shop shop) {
        this.partner = partner;
        this.orders = orders;
        this.shop = shop;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        Customer person = partner.person();
        return Templates.list(orders.ofPartner(person, Page.clamp(page)), partner.approves());
    }

    /** The order form, with the quantities of {@code ?qty-<SKU>=…} (the review's *Change the quantities*). */
    @GET
    @Path("new")
    public TemplateInstance newOrder(@Context UriInfo uri) {
        partner.person();
        return form(OrderForm.of(uri.getQueryParameters()), Map.of());
    }

    /** The review step: the lines, the total and what confirming will do; nothing is stored. */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(MultivaluedMap<String, String> fields) {
        OrderForm form = OrderForm.of(fields);
        OrderService.Review review = orders.review(partner.person().id, form);
        if (!review.valid()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(form, review.errors())).build();
        }
        return Response.status(review.refused() ? Response.Status.CONFLICT : Response.Status.OK)
                .entity(Templates.review(partner.organization(), review, shop.priceCurrency(), false)).build();
    }

    /** The confirmation: placed or waiting for approval (303 to the order), or refused with the reason (409). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> fields) {
        OrderForm form = OrderForm.of(fields);
        OrderService.Placement placement = orders.place(partner.person().id, form);
        return switch (placement.result()) {
            case PLACED, PENDING_APPROVAL ->
                Response.seeOther(URI.create("/portal/orders/" + placement.order().id + "?placed=true")).build();
            case INVALID -> Response.status(Response.Status.BAD_REQUEST)
                    .entity(form(form, placement.review().errors())).build();
            case CHANGED -> Response.status(Response.Status.CONFLICT)
                    .entity(Templates.review(partner.organization(), placement.review(), shop.priceCurrency(), true)).build();
            case REFUSED -> Response.status(Response.Status.CONFLICT)
                    .entity(Templates.review(partner.organization(), placement.review(), shop.priceCurrency(), false)).build();
        };
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("placed") String placed) {
        PurchaseOrder order = orders.ofPartner(partner.person(), id);
        return Templates.detail(order, orders.timelineOf(order), placed != null);
    }

    private TemplateInstance form(OrderForm form, Map<String, String> errors) {
        Customer org = partner.organization();
        return Templates.form(org, Product.active(), form, errors,
                org.creditCurrency == null ? shop.priceCurrency() : org.creditCurrency);
    }
}
