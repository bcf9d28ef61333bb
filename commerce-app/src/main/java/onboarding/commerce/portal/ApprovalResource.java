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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import onboarding.commerce.catalogue.Shop;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.order.OrderService;
import onboarding.commerce.order.PurchaseOrder;
import org.jboss.resteasy.reactive.RestForm;

/** The company's orders waiting for approval, with *Approve* and *Reject* (approvers and partner administrators). */
@Path("/portal/approvals")
@Produces(MediaType.TEXT_HTML)
public class ApprovalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Customer approver, String currency, List<OrderService.Pending> orders, Long errorOrder,
                String reason, Map<String, String> errors, String done, String doneNumber);
    }

    private final CurrentPartner partner;
    private final OrderService orders;
    private final Shop shop;

    ApprovalResource(CurrentPartner partner, OrderService orders, Shop shop) {
        this.partner = partner;
        this.orders = orders;
        this.shop = shop;
    }

    @GET
    public TemplateInstance list(@QueryParam("approved") String approved, @QueryParam("rejected") String rejected) {
        Customer approver = partner.requireApprover();
        String done = approved != null ? "approved" : rejected != null ? "rejected" : null;
        String number = approved != null ? approved : rejected;
        return Templates.list(approver, currency(), orders.pending(approver), null, "", Map.of(), done,
                number != null && number.matches("OR-\\d{6,}") ? number : null);
    }

    private String currency() {
        String currency = partner.organization().creditCurrency;
        return currency == null ? shop.priceCurrency() : currency;
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @RestForm Long version) {
        PurchaseOrder order = orders.approve(id, partner.requireApprover().id, version);
        return Response.seeOther(UriBuilder.fromPath("/portal/approvals").queryParam("approved", order.number).build())
                .build();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @RestForm Long version, @RestForm String reason) {
        Customer approver = partner.requireApprover();
        Map<String, String> errors = orders.reject(id, approver.id, version, reason);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(approver, currency(), orders.pending(approver), id, reason == null ? "" : reason, errors,
                            null, null))
                    .build();
        }
        return Response.seeOther(UriBuilder.fromPath("/portal/approvals")
                .queryParam("rejected", orders.get(id).number).build()).build();
    }
}
