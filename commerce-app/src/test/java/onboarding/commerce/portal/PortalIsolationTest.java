package onboarding.commerce.portal;

import static io.restassured.RestAssured.given;
import static onboarding.commerce.support.PartnerFixtures.ACME;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER2;
import static onboarding.commerce.support.PartnerFixtures.GLOBEX_ADMIN;
import static onboarding.commerce.support.PartnerFixtures.GLOBEX_APPROVER;
import static onboarding.commerce.support.PartnerFixtures.GLOBEX_BUYER;
import static onboarding.commerce.support.PartnerFixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.order.OrderForm;
import onboarding.commerce.order.OrderService;
import onboarding.commerce.order.PurchaseOrder;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.PartnerFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the portal's order and approval routes: Acme's orders as Globex's admin, buyer and approver
 * (404, or 403 for a buyer on approvals, never data), anonymous (sign-in), staff (403), and a buyer on a colleague's
 * order (404).
 */
@QuarkusTest
class PortalIsolationTest {

    @Inject
    OrderService orders;

    long placed;
    long pending;
    String placedNumber;
    String pendingNumber;

    @BeforeEach
    void twoCompanies() {
        PartnerFixtures.resetAcme("1000.00");
        PartnerFixtures.resetGlobex("1000.00");
        Product item = PartnerFixtures.product("100.00");
        OrderForm one = OrderForm.of(Map.of("qty-" + item.sku, List.of("1"), "price-" + item.sku, List.of("100.00")));
        placed = orders.place(id(ACME_BUYER), one).order().id;
        PartnerFixtures.limits(ACME_BUYER, "50.00", null);
        pending = orders.place(id(ACME_BUYER), one).order().id;
        placedNumber = PartnerFixtures.order(placed).number;
        pendingNumber = PartnerFixtures.order(pending).number;
    }

    /** Every read route of another company's orders: not found. */
    void readsAreNotFound() {
        assertEquals(404, get("/portal/orders/" + placed).statusCode());
        assertEquals(404, get("/portal/orders/" + pending).statusCode());
        String list = get("/portal/orders").asString();
        assertFalse(list.contains(placedNumber) || list.contains(pendingNumber), "another company's orders are not listed");
        String home = get("/portal").asString();
        assertFalse(home.contains(placedNumber) || home.contains(pendingNumber));
    }

    /** Approve and reject another company's waiting order: {@code expected}, nothing changed. */
    void decisionsAre(int expected) {
        BrowserForm browser = BrowserForm.open("/portal/orders", null);
        long version = PartnerFixtures.order(pending).version;
        assertEquals(expected, browser.post("/portal/approvals/" + pending + "/approve",
                Map.of("version", Long.toString(version))).statusCode());
        assertEquals(expected, browser.post("/portal/approvals/" + pending + "/reject",
                Map.of("version", Long.toString(version), "reason", "not yours")).statusCode());
        assertEquals(expected, browser.post("/portal/approvals/" + placed + "/approve",
                Map.of("version", "0")).statusCode());
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(pending).status, "nothing changed");
        assertEquals(new BigDecimal("100.00"), PartnerFixtures.customer(ACME).creditReserved);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.GLOBEX_ADMIN_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = GLOBEX_ADMIN, type = AttributeType.LONG))
    void another_companys_admin_sees_nothing_and_decides_nothing() {
        readsAreNotFound();
        assertEquals(200, get("/portal/approvals").statusCode());
        assertFalse(get("/portal/approvals").asString().contains(pendingNumber), "not in Globex's approvals");
        assertFalse(get("/portal/credit").asString().contains(placedNumber), "Globex's credit history only");
        decisionsAre(404);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.GLOBEX_APPROVER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = GLOBEX_APPROVER, type = AttributeType.LONG))
    void another_companys_approver_sees_nothing_and_decides_nothing() {
        readsAreNotFound();
        assertFalse(get("/portal/approvals").asString().contains(pendingNumber));
        decisionsAre(404);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.GLOBEX_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = GLOBEX_BUYER, type = AttributeType.LONG))
    void another_companys_buyer_sees_nothing_and_decides_nothing() {
        readsAreNotFound();
        Response approvals = get("/portal/approvals");
        assertEquals(403, approvals.statusCode(), "a buyer has no approvals page");
        assertTrue(approvals.asString().contains("Only your company&#39;s approvers")
                || approvals.asString().contains("Only your company's approvers"), "the 403 page says who may");
        decisionsAre(403);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER2_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER2, type = AttributeType.LONG))
    void a_buyer_sees_their_own_orders_not_a_colleagues() {
        assertEquals(404, get("/portal/orders/" + placed).statusCode());
        assertFalse(get("/portal/orders").asString().contains(placedNumber));
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_ADMIN_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = PartnerFixtures.ACME_ADMIN, type = AttributeType.LONG))
    void the_companys_admin_sees_every_order_of_the_company() {
        assertEquals(200, get("/portal/orders/" + placed).statusCode());
        String list = get("/portal/orders").asString();
        assertTrue(list.contains(placedNumber) && list.contains(pendingNumber));
        assertTrue(get("/portal/approvals").asString().contains(pendingNumber));
    }

    @Test
    void anonymous_visitors_are_sent_to_the_sign_in_page() {
        for (String path : List.of("/portal", "/portal/orders", "/portal/orders/new", "/portal/orders/" + placed,
                "/portal/approvals", "/portal/credit")) {
            Response response = get(path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.header("Location").startsWith("/login"), path + " → " + response.header("Location"));
        }
        for (String path : List.of("/portal/orders", "/portal/orders/new", "/portal/approvals/" + pending + "/approve",
                "/portal/approvals/" + pending + "/reject")) {
            Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("version", "0").post(path);
            assertTrue(response.statusCode() == 302 || response.statusCode() == 401, path + ": " + response.statusCode());
        }
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(pending).status);
    }

    @Test
    void the_activation_and_password_reset_links_stay_public() {
        assertEquals(410, get("/portal/activate?token=nope").statusCode());
        assertNotEquals(302, get("/portal/password-reset").statusCode());
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void staff_are_not_partners() {
        for (String path : List.of("/portal", "/portal/orders", "/portal/orders/new", "/portal/orders/" + placed,
                "/portal/approvals", "/portal/credit")) {
            assertEquals(403, get(path).statusCode(), path);
        }
        Response approve = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("version", "0").post("/portal/approvals/" + pending + "/approve");
        assertEquals(403, approve.statusCode());
    }

    private static Response get(String path) {
        return given().redirects().follow(false).get(path);
    }
}
