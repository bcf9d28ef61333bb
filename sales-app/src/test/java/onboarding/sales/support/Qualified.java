package onboarding.sales.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import onboarding.sales.opportunity.Opportunity;

/** A lead from a Commerce signup, qualified on its page by the signed-in test user (new account and contact). */
@ApplicationScoped
public class Qualified {

    private final CommercePeer commerce;
    private final Rows rows;

    Qualified(CommercePeer commerce, Rows rows) {
        this.commerce = commerce;
        this.rows = rows;
    }

    /** The opportunity the qualification created, with its account, as stored. */
    public Opportunity opportunity() {
        long leadId = commerce.signup();
        Response response = BrowserForm.open("/leads/" + leadId).submit("#qualify-form", Map.of());
        assertEquals(303, response.statusCode(), response.asString());
        long id = Long.parseLong(response.header("Location").replaceAll(".*/opportunities/", ""));
        return rows.inTransaction(() -> Opportunity.findById(id));
    }
}
