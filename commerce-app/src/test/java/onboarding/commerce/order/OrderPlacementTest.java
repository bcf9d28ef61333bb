package onboarding.commerce.order;

import static io.restassured.RestAssured.given;
import static onboarding.commerce.support.PartnerFixtures.ACME;
import static onboarding.commerce.support.PartnerFixtures.ACME_ADMIN;
import static onboarding.commerce.support.PartnerFixtures.ACME_APPROVER;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER;
import static onboarding.commerce.support.PartnerFixtures.id;
import static onboarding.commerce.support.PortalOrders.quantities;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.customer.CreditEntry;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.support.PartnerFixtures;
import onboarding.commerce.support.PortalOrders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partner user orders on account (/portal/orders/new): the review says what confirming will do, and the confirmed
 * order is placed (credit used), waits for approval (credit reserved) or is refused (nothing stored, no credit
 * touched) — each with its credit history, timelines and mails.
 */
@QuarkusTest
class OrderPlacementTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OrderService orders;

    Product drill;
    Product gloves;

    @BeforeEach
    void acme() {
        PartnerFixtures.resetAcme("1000.00");
        drill = PartnerFixtures.product("149.90");
        gloves = PartnerFixtures.product("12.50");
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void an_order_within_the_limits_is_placed_on_account_and_uses_the_credit() {
        Document form = Jsoup.parse(given().get("/portal/orders/new").asString());
        assertNotNull(form.selectFirst("input[name=qty-" + drill.sku + "]"), "one quantity field per active product");
        assertNotNull(form.selectFirst("input[name=qty-" + gloves.sku + "]"));

        PortalOrders portal = PortalOrders.open();
        Response review = portal.review(quantities(drill, 2, gloves, "4"));
        assertEquals(200, review.statusCode(), review.asString());
        Document page = Jsoup.parse(review.asString());
        assertEquals("349.80", page.selectFirst("#review-total").attr("data-amount"), "2 × 149.90 + 4 × 12.50");
        assertEquals("PLACE", page.selectFirst("#order-outcome").attr("data-outcome"));
        assertTrue(PartnerFixtures.orders(ACME).isEmpty(), "a review stores nothing");

        Response confirmed = portal.confirm(review);
        assertEquals(303, confirmed.statusCode(), confirmed.asString());
        PurchaseOrder order = PartnerFixtures.orders(ACME).get(0);
        assertTrue(confirmed.header("Location").endsWith("/portal/orders/" + order.id + "?placed=true"));
        assertEquals(PurchaseOrder.Status.PLACED, order.status);
        assertTrue(order.number.matches("OR-\\d{6,}"), order.number);
        assertEquals(new BigDecimal("349.80"), order.total);
        assertEquals(id(ACME_BUYER), order.ordererId);
        assertEquals(java.util.Set.of(drill.sku, gloves.sku), order.lines.stream().map(l -> l.sku)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(4, order.lines.stream().filter(l -> l.sku.equals(gloves.sku)).findFirst().get().quantity);

        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("349.80"), org.creditUsed);
        assertEquals(new BigDecimal("0.00"), org.creditReserved);
        assertEquals(new BigDecimal("650.20"), org.creditAvailable());
        CreditEntry entry = PartnerFixtures.credit(ACME).get(0);
        assertEquals(CreditEntry.Kind.ORDER_PLACED, entry.kind);
        assertEquals(new BigDecimal("349.80"), entry.amount);
        assertEquals(new BigDecimal("650.20"), entry.available);
        assertEquals(order.number, entry.orderNumber);
        assertEquals(PartnerFixtures.ACME_BUYER_EMAIL, entry.actor);
        assertEquals(List.of("timeline.order.placed"), PartnerFixtures.timeline("order", order.id));
        assertTrue(PartnerFixtures.timeline("customer", ACME).contains("timeline.customer.orderPlaced"));

        Document detail = Jsoup.parse(given().get("/portal/orders/" + order.id + "?placed=true").asString());
        assertEquals("PLACED", detail.selectFirst("#order-status").attr("data-status"));
        assertNotNull(detail.selectFirst("#placed"));
        assertEquals(2, detail.select("#order-lines tbody tr").size());

        Mail confirmation = mailTo(PartnerFixtures.ACME_BUYER_EMAIL, order.number);
        assertTrue(confirmation.getSubject().startsWith("Votre commande " + order.number + " est passée"),
                "in the buyer's language: " + confirmation.getSubject());
        assertTrue(confirmation.getText().contains("Article d'essai " + drill.sku), confirmation.getText());
        assertTrue(confirmation.getHtml().contains("/portal/orders/" + order.id));
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void an_order_above_the_per_order_limit_waits_for_approval_and_reserves_the_credit() {
        PartnerFixtures.limits(ACME_BUYER, "200.00", null);
        PortalOrders portal = PortalOrders.open();
        Response review = portal.review(quantities(drill, 2));
        assertEquals(200, review.statusCode());
        Document page = Jsoup.parse(review.asString());
        assertEquals("APPROVAL", page.selectFirst("#order-outcome").attr("data-outcome"));
        assertTrue(page.selectFirst("#order-outcome").text().contains("above your per-order limit of €200.00"),
                page.selectFirst("#order-outcome").text());

        long id = portal.order(quantities(drill, 2));
        PurchaseOrder order = PartnerFixtures.order(id);
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, order.status);
        assertEquals(PurchaseOrder.ApprovalReason.ORDER_LIMIT, order.approvalReason);
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("0.00"), org.creditUsed);
        assertEquals(new BigDecimal("299.80"), org.creditReserved);
        assertEquals(new BigDecimal("700.20"), org.creditAvailable());
        assertEquals(List.of(CreditEntry.Kind.ORDER_RESERVED),
                PartnerFixtures.credit(ACME).stream().map(e -> e.kind).toList());

        // approval requests to the company's approvers and admins, not to the orderer; confirmation to the orderer
        assertTrue(mailTo(PartnerFixtures.ACME_APPROVER_EMAIL, order.number).getSubject()
                .startsWith("Order " + order.number + " waits for your approval"));
        assertTrue(mailTo(PartnerFixtures.ACME_ADMIN_EMAIL, order.number).getText().contains("per-order limit"));
        assertTrue(mailTo(PartnerFixtures.ACME_BUYER_EMAIL, order.number).getSubject()
                .startsWith("Votre commande " + order.number + " attend une approbation"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() ->
                mails(PartnerFixtures.ACME_BUYER_EMAIL, order.number).size() == 1);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void an_order_that_takes_the_month_above_the_monthly_limit_waits_for_approval() {
        PartnerFixtures.limits(ACME_BUYER, null, "400.00");
        PortalOrders portal = PortalOrders.open();
        long first = portal.order(quantities(drill, 2)); // 299.80 this month
        assertEquals(PurchaseOrder.Status.PLACED, PartnerFixtures.order(first).status);

        Response review = portal.review(quantities(drill, 1));
        Document page = Jsoup.parse(review.asString());
        assertEquals("APPROVAL", page.selectFirst("#order-outcome").attr("data-outcome"));
        long second = portal.order(quantities(drill, 1)); // 449.70 > 400
        PurchaseOrder waiting = PartnerFixtures.order(second);
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, waiting.status);
        assertEquals(PurchaseOrder.ApprovalReason.MONTHLY_LIMIT, waiting.approvalReason);

        Document home = Jsoup.parse(given().get("/portal").asString());
        assertEquals("449.70", home.selectFirst("#my-month-spent").attr("data-amount"),
                "placed and waiting orders count in the month");
        assertEquals(2, home.select("#recent-orders li[data-number]").size());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void an_order_above_the_available_credit_is_refused_and_nothing_is_stored() {
        PortalOrders portal = PortalOrders.open();
        long placed = portal.order(quantities(drill, 6)); // 899.40 used, 100.60 available
        Response review = portal.review(quantities(gloves, 9)); // 112.50
        assertEquals(409, review.statusCode());
        Document page = Jsoup.parse(review.asString());
        assertEquals("REFUSED_OVER_CREDIT", page.selectFirst("#order-refused").attr("data-outcome"));
        assertTrue(page.selectFirst("#order-refused").text().contains("100.60"), page.selectFirst("#order-refused").text());
        assertNull(page.selectFirst("#confirm-form"), "nothing to confirm");
        Document change = Jsoup.parse(given().get(page.selectFirst("#change-link").attr("href")).asString());
        assertEquals("9", change.selectFirst("input[name=qty-" + gloves.sku + "]").attr("value"),
                "Change the quantities keeps them");

        // confirming anyway (a form posted by hand, or the credit used meanwhile) is refused the same way
        Response forced = portal.post("/portal/orders", Map.of("qty-" + gloves.sku, "9", "price-" + gloves.sku, "12.50"));
        assertEquals(409, forced.statusCode());
        assertEquals(List.of(placed), PartnerFixtures.orders(ACME).stream().map(o -> o.id).toList(), "nothing stored");
        assertEquals(new BigDecimal("899.40"), PartnerFixtures.customer(ACME).creditUsed, "no credit touched");
        assertEquals(new BigDecimal("0.00"), PartnerFixtures.customer(ACME).creditReserved);
        assertEquals(1, PartnerFixtures.credit(ACME).size());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void without_a_credit_limit_the_portal_says_so_and_refuses_orders() {
        PartnerFixtures.resetAcme(null);
        Document home = Jsoup.parse(given().get("/portal").asString());
        assertNotNull(home.selectFirst("#no-credit"), "the portal says there is no credit yet");
        assertNull(home.selectFirst("#new-order-link"));
        Response review = PortalOrders.open().review(quantities(gloves, 1));
        assertEquals(409, review.statusCode());
        assertEquals("REFUSED_NO_CREDIT", Jsoup.parse(review.asString()).selectFirst("#order-refused").attr("data-outcome"));
        assertTrue(PartnerFixtures.orders(ACME).isEmpty());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void credit_in_another_currency_than_the_catalogue_is_refused() {
        PartnerFixtures.creditCurrency(ACME, "CHF");
        Response review = PortalOrders.open().review(quantities(gloves, 1));
        assertEquals(409, review.statusCode());
        assertEquals("REFUSED_CURRENCY", Jsoup.parse(review.asString()).selectFirst("#order-refused").attr("data-outcome"));
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void an_order_nobody_may_approve_is_refused() {
        PartnerFixtures.limits(ACME_BUYER, "10.00", null);
        PartnerFixtures.limits(ACME_APPROVER, "100.00", null);
        PartnerFixtures.limits(ACME_ADMIN, "100.00", null);
        Response review = PortalOrders.open().review(quantities(drill, 1));
        assertEquals(409, review.statusCode());
        assertEquals("REFUSED_NO_APPROVER", Jsoup.parse(review.asString()).selectFirst("#order-refused").attr("data-outcome"));
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void a_price_changed_since_the_review_shows_the_review_again_and_orders_nothing() {
        PortalOrders portal = PortalOrders.open();
        Response review = portal.review(quantities(drill, 1));
        assertEquals(200, review.statusCode());
        PartnerFixtures.price(drill, "159.90");

        Response changed = portal.confirm(review);
        assertEquals(409, changed.statusCode());
        Document page = Jsoup.parse(changed.asString());
        assertNotNull(page.selectFirst("#order-changed"), "the page says a price changed");
        assertEquals("159.90", page.selectFirst("#review-total").attr("data-amount"), "the review with today's price");
        assertTrue(PartnerFixtures.orders(ACME).isEmpty(), "never charge a total the user did not see");
        assertEquals(new BigDecimal("0.00"), PartnerFixtures.customer(ACME).creditUsed);

        Response confirmed = portal.confirm(changed);
        assertEquals(303, confirmed.statusCode(), "the new review can be confirmed");
        assertEquals(new BigDecimal("159.90"), PartnerFixtures.orders(ACME).get(0).total);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void a_product_withdrawn_since_the_review_orders_nothing() {
        PortalOrders portal = PortalOrders.open();
        Response review = portal.review(quantities(drill, 1, gloves, 1));
        PartnerFixtures.deactivate(gloves);
        Response refused = portal.confirm(review);
        assertEquals(400, refused.statusCode());
        assertNotNull(Jsoup.parse(refused.asString()).selectFirst("#order-error"));
        assertTrue(PartnerFixtures.orders(ACME).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "1.5", "abc", "10000", "99999999999", "1e2", "+3" })
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void a_quantity_must_be_a_whole_number_up_to_the_maximum(String quantity) {
        Response refused = PortalOrders.open().review(quantities(drill, quantity, gloves, 2));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("Enter a whole number from 1 to 9999, or leave it empty.",
                page.selectFirst("#qty-" + drill.sku + "-error").text());
        assertEquals(quantity, page.selectFirst("input[name=qty-" + drill.sku + "]").attr("value"), "input kept");
        assertEquals("2", page.selectFirst("input[name=qty-" + gloves.sku + "]").attr("value"));
        assertTrue(PartnerFixtures.orders(ACME).isEmpty());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void an_order_needs_at_least_one_quantity() {
        Response refused = PortalOrders.open().review(quantities(drill, "", gloves, "0"));
        assertEquals(400, refused.statusCode());
        assertEquals("Enter a quantity for at least one product.",
                Jsoup.parse(refused.asString()).selectFirst("#order-error").text());
        Response confirmed = PortalOrders.open().post("/portal/orders", Map.of());
        assertEquals(400, confirmed.statusCode(), "confirming an empty order is refused too");
        assertTrue(PartnerFixtures.orders(ACME).isEmpty());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void a_deactivated_user_gets_no_portal_page_and_cannot_order() {
        PortalOrders portal = PortalOrders.open();
        Response review = portal.review(quantities(gloves, 1));
        PartnerFixtures.status(ACME_BUYER, Customer.Status.DEACTIVATED);

        Response closed = given().redirects().follow(false).get("/portal");
        assertEquals(403, closed.statusCode(), "at the next request");
        assertTrue(Jsoup.parse(closed.asString()).selectFirst("#conflict-message").text()
                .contains("Your partner account is not active"), "a page that says why");
        assertEquals(403, portal.confirm(review).statusCode());
        // the service refuses too, should a deactivation commit while the order is being confirmed
        OrderService.Placement placement = orders.place(id(ACME_BUYER), OrderForm.of(Map.of(
                "qty-" + gloves.sku, List.of("1"), "price-" + gloves.sku, List.of("12.50"))));
        assertEquals(OrderService.Result.REFUSED, placement.result());
        assertEquals(OrderService.Outcome.REFUSED_NOT_ACTIVE, placement.review().outcome());
        assertTrue(PartnerFixtures.orders(ACME).isEmpty());
        assertEquals(new BigDecimal("0.00"), PartnerFixtures.customer(ACME).creditUsed);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void a_user_of_an_organisation_that_is_no_active_partner_gets_no_portal_page() {
        PartnerFixtures.organizationStatus(ACME, Customer.Status.PROSPECTIVE);
        assertEquals(403, given().redirects().follow(false).get("/portal/orders/new").statusCode());
        PartnerFixtures.organizationStatus(ACME, Customer.Status.ACTIVE);
        assertEquals(200, given().redirects().follow(false).get("/portal/orders/new").statusCode());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void french_pages_speak_french() {
        Response review = PortalOrders.open().review(quantities(gloves, 2));
        String fr = given().header("Accept-Language", "fr").get("/portal/orders/new").asString();
        assertTrue(fr.contains("Nouvelle commande"), "French order form");
        assertTrue(fr.contains("Article d'essai " + gloves.sku) || fr.contains("Article d&#39;essai " + gloves.sku),
                "product names in French");
        assertEquals(200, review.statusCode());
    }

    private Mail mailTo(String address, String orderNumber) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mails(address, orderNumber).isEmpty());
        return mails(address, orderNumber).get(0);
    }

    private List<Mail> mails(String address, String orderNumber) {
        return mailbox.getMailsSentTo(address).stream().filter(m -> m.getSubject().contains(orderNumber)).toList();
    }
}
