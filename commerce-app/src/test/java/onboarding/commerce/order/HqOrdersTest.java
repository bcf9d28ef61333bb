package onboarding.commerce.order;

import static io.restassured.RestAssured.given;
import static onboarding.commerce.support.PartnerFixtures.ACME;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER;
import static onboarding.commerce.support.PartnerFixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.customer.CreditEntry;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.PartnerFixtures;
import onboarding.ui.Messages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff on /hq/orders: every order with a status filter, cancel a placed order, record a payment. */
@QuarkusTest
@TestSecurity(user = "hq", roles = "staff")
class HqOrdersTest {

    @Inject
    OrderService orders;

    Product drill;

    @BeforeEach
    void acme() {
        PartnerFixtures.resetAcme("1000.00");
        drill = PartnerFixtures.product("100.00");
    }

    long order(int quantity) {
        OrderService.Placement placement = orders.place(id(ACME_BUYER), OrderForm.of(Map.of(
                "qty-" + drill.sku, List.of(Integer.toString(quantity)), "price-" + drill.sku, List.of("100.00"))));
        assertNotNull(placement.order(), String.valueOf(placement.result()));
        return placement.order().id;
    }

    @Test
    void staff_see_every_order_and_filter_by_status() {
        long placed = order(1);
        PartnerFixtures.limits(ACME_BUYER, "150.00", null);
        long pending = order(2);
        String placedNumber = PartnerFixtures.order(placed).number;
        String pendingNumber = PartnerFixtures.order(pending).number;

        Document all = Jsoup.parse(given().get("/hq/orders").asString());
        assertNotNull(all.selectFirst("#orders tr[data-number=" + placedNumber + "]"));
        assertNotNull(all.selectFirst("#orders tr[data-number=" + pendingNumber + "]"));
        Document waiting = Jsoup.parse(given().get("/hq/orders?status=PENDING_APPROVAL").asString());
        assertNotNull(waiting.selectFirst("#orders tr[data-number=" + pendingNumber + "]"));
        assertNull(waiting.selectFirst("#orders tr[data-number=" + placedNumber + "]"));
        assertTrue(waiting.select("#orders tr[data-status]").stream()
                .allMatch(row -> row.attr("data-status").equals("PENDING_APPROVAL")));
        assertEquals(200, given().get("/hq/orders?status=nonsense&page=-3").statusCode(), "a bad filter shows all");
        assertEquals(200, given().get("/hq/orders?page=999999").statusCode());

        Document detail = Jsoup.parse(given().get("/hq/orders/" + placed).asString());
        assertEquals("PLACED", detail.selectFirst("#order-status").attr("data-status"));
        assertNotNull(detail.selectFirst("#cancel-form"));
        assertEquals("700.00", detail.selectFirst("#credit-available").attr("data-amount"),
                "1000 - 100 used - 200 reserved");
        assertNull(Jsoup.parse(given().get("/hq/orders/" + pending).asString()).selectFirst("#cancel-form"),
                "only a placed order can be cancelled");
        assertEquals(404, given().get("/hq/orders/987654321").statusCode());
    }

    @Test
    void staff_cancel_a_placed_order_and_its_credit_is_released_once() {
        long id = order(3);
        long version = PartnerFixtures.order(id).version;
        Response stale = BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/cancel",
                Map.of("version", Long.toString(version + 1)));
        assertEquals(409, stale.statusCode());
        assertEquals(PurchaseOrder.Status.PLACED, PartnerFixtures.order(id).status);

        Response cancelled = BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/cancel",
                Map.of("version", Long.toString(version)));
        assertEquals(303, cancelled.statusCode(), cancelled.asString());
        PurchaseOrder order = PartnerFixtures.order(id);
        assertEquals(PurchaseOrder.Status.CANCELLED, order.status);
        assertEquals("hq", order.cancelledBy);
        assertEquals(new BigDecimal("0.00"), PartnerFixtures.customer(ACME).creditUsed);
        CreditEntry released = PartnerFixtures.credit(ACME).get(1);
        assertEquals(CreditEntry.Kind.ORDER_CANCELLED, released.kind);
        assertEquals(new BigDecimal("300.00"), released.amount);
        assertTrue(PartnerFixtures.timeline("order", id).contains("timeline.order.cancelled"));
        assertTrue(PartnerFixtures.timeline("customer", ACME).contains("timeline.customer.orderCancelled"));

        Response again = BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/cancel",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version)));
        assertEquals(409, again.statusCode());
        assertTrue(Jsoup.parse(again.asString()).selectFirst("#conflict-message").text().contains("only a placed order"));
        assertEquals(2, PartnerFixtures.credit(ACME).size(), "released once");
    }

    @Test
    void a_waiting_order_cannot_be_cancelled_by_staff() {
        PartnerFixtures.limits(ACME_BUYER, "50.00", null);
        long id = order(1);
        Response refused = BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/cancel",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version)));
        assertEquals(409, refused.statusCode());
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(id).status);
    }

    @Test
    void a_payment_frees_used_credit_and_is_in_the_credit_history_and_timelines() {
        long id = order(4); // 400 used
        Response paid = BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/payment",
                Map.of("amount", "250,50"));
        assertEquals(303, paid.statusCode(), paid.asString());
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("149.50"), org.creditUsed);
        assertEquals(new BigDecimal("850.50"), org.creditAvailable());
        CreditEntry payment = PartnerFixtures.credit(ACME).get(1);
        assertEquals(CreditEntry.Kind.PAYMENT_RECORDED, payment.kind);
        assertEquals(new BigDecimal("250.50"), payment.amount);
        assertEquals("hq", payment.actor);
        assertEquals(PartnerFixtures.order(id).number, payment.orderNumber);
        assertTrue(PartnerFixtures.timeline("customer", ACME).contains("timeline.customer.payment"));
        assertTrue(PartnerFixtures.timeline("order", id).contains("timeline.order.payment"));

        // the staff's customer page shows the history with every kind and the order numbers
        Document customer = Jsoup.parse(given().get("/hq/customers/" + ACME).asString());
        assertEquals(List.of("PAYMENT_RECORDED", "ORDER_PLACED"),
                customer.select("#credit-entries tr.credit-entry").eachAttr("data-kind"));
        assertTrue(customer.selectFirst("#credit-entries").text().contains(PartnerFixtures.order(id).number));

        // cancelling the order after the payment releases only what is still used
        BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/cancel",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version)));
        assertEquals(new BigDecimal("0.00"), PartnerFixtures.customer(ACME).creditUsed);
        assertEquals(new BigDecimal("149.50"), PartnerFixtures.credit(ACME).get(2).amount);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "'' | error.required", "0 | error.amount", "-5 | error.amount",
            "abc | error.amount", "1.234 | error.amount", "1,000.00 | error.amount", "100.01 | error.payment.aboveUsed" })
    void an_invalid_payment_is_refused_with_the_error_next_to_the_field(String amount, String error) {
        long id = order(1); // 100 used
        Response refused = BrowserForm.open("/hq/orders/" + id, null).post("/hq/orders/" + id + "/payment",
                Map.of("amount", amount));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals(Messages.get(Locale.ENGLISH, error, "€100.00"), page.selectFirst("#amount-error").text());
        assertEquals(amount, page.selectFirst("#amount").attr("value"), "the input is kept");
        assertEquals(new BigDecimal("100.00"), PartnerFixtures.customer(ACME).creditUsed, "nothing recorded");
        assertEquals(1, PartnerFixtures.credit(ACME).size());
    }
}
