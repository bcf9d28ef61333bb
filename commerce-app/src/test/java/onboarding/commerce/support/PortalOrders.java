package onboarding.commerce.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.order.OrderForm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A partner user ordering in the portal as a browser does: the order form ({@code qty-<SKU>}), its review, then the
 * review page's *Confirm* form posted with everything it holds. The signed-in user is the test's {@code @TestSecurity}.
 */
public final class PortalOrders {

    private final BrowserForm browser;
    private Response lastReview;

    private PortalOrders(BrowserForm browser) {
        this.browser = browser;
    }

    /** Opens the order form (and keeps its CSRF token). */
    public static PortalOrders open() {
        return new PortalOrders(BrowserForm.open("/portal/orders/new", null));
    }

    /** Quantities of products, for {@link #review}. */
    public static Map<String, String> quantities(Object... productsAndQuantities) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < productsAndQuantities.length; i += 2) {
            fields.put(OrderForm.QUANTITY + ((Product) productsAndQuantities[i]).sku, String.valueOf(productsAndQuantities[i + 1]));
        }
        return fields;
    }

    /** Posts the order form: the review page (200), refused (409) or the form with its errors (400). */
    public Response review(Map<String, String> fields) {
        lastReview = browser.post("/portal/orders/new", fields);
        return lastReview;
    }

    /** Posts the *Confirm* form of the last review page as it is. */
    public Response confirm() {
        return confirm(lastReview);
    }

    /** Posts the *Confirm* form of {@code reviewPage} as it is. */
    public Response confirm(Response reviewPage) {
        Document page = Jsoup.parse(reviewPage.asString());
        Element form = page.selectFirst("form#confirm-form");
        if (form == null) {
            throw new AssertionError("no Confirm form on the review page (HTTP " + reviewPage.statusCode() + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            if (!input.attr("name").equals("csrf-token")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        return browser.post(form.attr("action"), fields);
    }

    /** Reviews and confirms; asserts the redirect to the new order and returns its id. */
    public long order(Map<String, String> fields) {
        Response review = review(fields);
        assertEquals(200, review.statusCode(), review.asString());
        Response confirmed = confirm(review);
        assertEquals(303, confirmed.statusCode(), confirmed.asString());
        String location = confirmed.header("Location");
        return Long.parseLong(location.replaceAll(".*/portal/orders/(\\d+).*", "$1"));
    }

    /** Posts any form of the portal with this browser's CSRF token. */
    public Response post(String path, Map<String, String> fields) {
        return browser.post(path, fields);
    }
}
