package onboarding.sales.site;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import onboarding.ui.Navigation;

/** The Sales menu: the lead views and the opportunities. */
@ApplicationScoped
@Unremovable
public class SalesNavigation implements Navigation {

    private static final List<Item> ITEMS = List.of(
            new Item("/leads?view=my-open", "leads.view.MY_OPEN"),
            new Item("/leads?view=all-b2b", "leads.view.ALL_B2B"),
            new Item("/opportunities", "opportunities.title"),
            new Item("/dualwrite", "nav.console", "sales-manager"));

    @Override
    public String home() {
        return "/leads?view=all-b2b";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }
}
