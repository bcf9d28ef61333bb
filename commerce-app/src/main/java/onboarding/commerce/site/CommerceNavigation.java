package onboarding.commerce.site;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import onboarding.ui.Navigation;

/** The Commerce menu: public site, then the back office. */
@ApplicationScoped
@Unremovable
public class CommerceNavigation implements Navigation {

    private static final List<Item> ITEMS = List.of(
            new Item("/partner-signup", "nav.signup"),
            new Item("/hq/prospects", "nav.prospects"),
            new Item("/hq/customers", "nav.customers"),
            new Item("/hq/emails", "nav.emails"),
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
