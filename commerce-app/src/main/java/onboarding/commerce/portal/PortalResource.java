package onboarding.commerce.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import onboarding.commerce.catalogue.Shop;
import onboarding.commerce.customer.CreditAccount;
import onboarding.commerce.customer.CreditEntry;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.order.OrderService;
import onboarding.commerce.order.PurchaseOrder;

/** The partner portal's home (organisation, credit, the user's limits, recent orders) and the credit history. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    static final int RECENT_ORDERS = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Customer person, Customer organization, boolean admin, boolean approves,
                BigDecimal monthSpent, String currency, List<PurchaseOrder> recentOrders);

        static native TemplateInstance credit(Customer organization, List<CreditEntry> entries);
    }

    private final CurrentPartner partner;
    private final OrderService orders;
    private final CreditAccount credit;
    private final Shop shop;

    PortalResource(CurrentPartner partner, OrderService orders, CreditAccount credit, Shop shop) {
        this.partner = partner;
        this.orders = orders;
        this.credit = credit;
        this.shop = shop;
    }

    @GET
    public TemplateInstance home() {
        Customer person = partner.person();
        Customer org = partner.organization();
        return Templates.home(person, org, partner.isAdmin(), partner.approves(), orders.monthSpent(person.id),
                org.creditCurrency == null ? shop.priceCurrency() : org.creditCurrency,
                orders.recentOf(person, RECENT_ORDERS));
    }

    /** The organisation's credit history, without the staff's reasons (partner administrators only). */
    @GET
    @Path("credit")
    public TemplateInstance credit() {
        partner.requireAdmin();
        Customer org = partner.organization();
        return Templates.credit(org, credit.history(org.id));
    }
}
