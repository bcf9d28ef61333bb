package onboarding.commerce.site;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import onboarding.ui.Navigation;

/** The Commerce menu: public site, the partner portal (partner users), then the back office (staff). */
@ApplicationScoped
@Unremovable
public class CommerceNavigation implements Navigation {

    private static final List<Item> ITEMS = List.of(
            new Item("/partner-signup", "nav.signup"),
            new Item("/portal", "nav.portal", "partner"),
            new Item("/portal/orders", "nav.portalOrders", "partner"),
            new Item("/hq/prospects", "nav.prospects", "staff"),
            new Item("/hq/customers", "nav.customers", "staff"),
            new Item("/hq/products", "nav.products", "staff"),
            new Item("/hq/orders", "nav.orders", "staff"),
            new Item("/hq/emails", "nav.emails", "staff"),
            new Item("/dualwrite", "nav.console", "admin"));

    @Override
    public String home() {
        return "/";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }
}
