package onboarding.commerce.order;

import static io.restassured.RestAssured.given;
import static onboarding.commerce.support.PartnerFixtures.ACME;
import static onboarding.commerce.support.PartnerFixtures.ACME_ADMIN;
import static onboarding.commerce.support.PartnerFixtures.ACME_APPROVER;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER;
import static onboarding.commerce.support.PartnerFixtures.id;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.customer.CreditEntry;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.PartnerFixtures;
import onboarding.ui.ConflictException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders above a buyer's limits wait on /portal/approvals: an approver or admin of the company approves (reserved
 * becomes used) or rejects with a reason (reserved released), up to their own per-order limit, never their own order,
 * once.
 */
@QuarkusTest
class ApprovalTest {

    @Inject
    OrderService orders;

    @Inject
    MockMailbox mailbox;

    Product drill;

    @BeforeEach
    void acme() {
        PartnerFixtures.resetAcme("1000.00");
        PartnerFixtures.limits(ACME_BUYER, "100.00", null);
        drill = PartnerFixtures.product("150.00");
    }

    /** A waiting order of {@code person} (one drill: 150.00). */
    long pendingOrderOf(String person) {
        OrderService.Placement placement = orders.place(id(person), OrderForm.of(Map.of(
                "qty-" + drill.sku, List.of("1"), "price-" + drill.sku, List.of("150.00"))));
        assertEquals(OrderService.Result.PENDING_APPROVAL, placement.result(), String.valueOf(placement.review()));
        return placement.order().id;
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_APPROVER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_APPROVER, type = AttributeType.LONG))
    void an_approver_approves_a_waiting_order_and_its_reserved_credit_is_used() {
        long id = pendingOrderOf(ACME_BUYER);
        PurchaseOrder order = PartnerFixtures.order(id);
        Document page = Jsoup.parse(given().get("/portal/approvals").asString());
        assertNotNull(page.selectFirst("#approval-" + id + " form.approve-form"), "the order waits with Approve");

        Response approved = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(order.version)));
        assertEquals(303, approved.statusCode(), approved.asString());
        assertTrue(approved.header("Location").contains("approved=" + order.number));

        PurchaseOrder placed = PartnerFixtures.order(id);
        assertEquals(PurchaseOrder.Status.PLACED, placed.status);
        assertEquals(PartnerFixtures.ACME_APPROVER_EMAIL, placed.decidedBy);
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("150.00"), org.creditUsed);
        assertEquals(new BigDecimal("0.00"), org.creditReserved);
        assertEquals(List.of(CreditEntry.Kind.ORDER_RESERVED, CreditEntry.Kind.ORDER_APPROVED),
                PartnerFixtures.credit(ACME).stream().map(e -> e.kind).toList());
        assertEquals(List.of("timeline.order.pending.ORDER_LIMIT", "timeline.order.approved"),
                PartnerFixtures.timeline("order", id));
        Mail mail = mailTo(PartnerFixtures.ACME_BUYER_EMAIL, order.number, "approuvée");
        assertTrue(mail.getText().contains(PartnerFixtures.ACME_APPROVER_EMAIL), mail.getText());
        assertNull(Jsoup.parse(given().get("/portal/approvals").asString()).selectFirst("#approval-" + id),
                "no longer waiting");
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_ADMIN_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_ADMIN, type = AttributeType.LONG))
    void an_admin_rejects_with_a_reason_and_the_reserved_credit_is_released() {
        long id = pendingOrderOf(ACME_BUYER);
        PurchaseOrder order = PartnerFixtures.order(id);

        Response noReason = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/reject",
                Map.of("version", Long.toString(order.version), "reason", "  "));
        assertEquals(400, noReason.statusCode());
        assertEquals("This field is required.",
                Jsoup.parse(noReason.asString()).selectFirst("#reason-" + id + "-error").text());
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(id).status, "nothing changed");

        Response rejected = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/reject",
                Map.of("version", Long.toString(order.version), "reason", "Budget of the quarter spent"));
        assertEquals(303, rejected.statusCode(), rejected.asString());
        PurchaseOrder done = PartnerFixtures.order(id);
        assertEquals(PurchaseOrder.Status.REJECTED, done.status);
        assertEquals("Budget of the quarter spent", done.rejectionReason);
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("0.00"), org.creditReserved);
        assertEquals(new BigDecimal("0.00"), org.creditUsed);
        assertEquals(new BigDecimal("1000.00"), org.creditAvailable());
        CreditEntry released = PartnerFixtures.credit(ACME).get(1);
        assertEquals(CreditEntry.Kind.ORDER_REJECTED, released.kind);
        assertEquals(new BigDecimal("1000.00"), released.available);
        Mail mail = mailTo(PartnerFixtures.ACME_BUYER_EMAIL, order.number, "refusée");
        assertTrue(mail.getText().contains("Motif : Budget of the quarter spent"), mail.getText());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_APPROVER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_APPROVER, type = AttributeType.LONG))
    void an_approver_approves_at_most_up_to_their_own_per_order_limit() {
        PartnerFixtures.limits(ACME_APPROVER, "120.00", null);
        long id = pendingOrderOf(ACME_BUYER); // 150.00: the admin (no limit) may approve it, the approver may not
        Document page = Jsoup.parse(given().get("/portal/approvals").asString());
        assertNotNull(page.selectFirst("#approval-" + id + " .above-limit"));
        assertNull(page.selectFirst("#approval-" + id + " form.approve-form"));

        Response refused = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version)));
        assertEquals(409, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).selectFirst("#conflict-message").text().contains("per-order limit"));
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(id).status);
        assertEquals(new BigDecimal("150.00"), PartnerFixtures.customer(ACME).creditReserved);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_APPROVER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_APPROVER, type = AttributeType.LONG))
    void nobody_approves_their_own_order() {
        PartnerFixtures.limits(ACME_APPROVER, "100.00", null);
        long id = pendingOrderOf(ACME_APPROVER);
        Document page = Jsoup.parse(given().get("/portal/approvals").asString());
        assertNotNull(page.selectFirst("#approval-" + id + " .own-order"));
        Response refused = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version)));
        assertEquals(409, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).selectFirst("#conflict-message").text().contains("your own"));
        Response rejectOwn = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/reject",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version), "reason", "mine"));
        assertEquals(409, rejectOwn.statusCode());
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(id).status);
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_APPROVER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_APPROVER, type = AttributeType.LONG))
    void an_order_no_longer_waiting_or_a_stale_page_is_refused_with_a_clear_message() {
        long id = pendingOrderOf(ACME_BUYER);
        long version = PartnerFixtures.order(id).version;
        Response stale = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(version + 7)));
        assertEquals(409, stale.statusCode());
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(id).status);

        assertEquals(303, BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(version))).statusCode());
        Response again = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(version)));
        assertEquals(409, again.statusCode());
        assertTrue(Jsoup.parse(again.asString()).selectFirst("#conflict-message").text()
                .contains("no longer waits for approval"));
        Response reject = BrowserForm.open("/portal/approvals", null).post("/portal/approvals/" + id + "/reject",
                Map.of("version", Long.toString(version), "reason", "too late"));
        assertEquals(409, reject.statusCode());
        assertEquals(new BigDecimal("150.00"), PartnerFixtures.customer(ACME).creditUsed, "approved once");
        assertEquals(2, PartnerFixtures.credit(ACME).size());
    }

    @Test
    void two_approvers_at_once_one_wins_the_other_sees_it_changed() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = pendingOrderOf(ACME_BUYER);
            long version = PartnerFixtures.order(id).version;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<String>> decisions = List.of(
                        () -> { start.await(); orders.approve(id, id(ACME_ADMIN), version); return "approved"; },
                        () -> { start.await(); return orders.reject(id, id(ACME_APPROVER), version, "no").isEmpty()
                                ? "rejected" : "invalid"; });
                List<Future<String>> futures = new ArrayList<>();
                for (Callable<String> decision : decisions) {
                    futures.add(pool.submit(decision));
                }
                start.countDown();
                List<String> won = new ArrayList<>();
                int conflicts = 0;
                for (Future<String> future : futures) {
                    try {
                        won.add(future.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertTrue(e.getCause() instanceof ConflictException, String.valueOf(e.getCause()));
                        assertEquals("order.conflict.notPending", ((ConflictException) e.getCause()).messageKey());
                        conflicts++;
                    }
                }
                assertEquals(1, won.size(), "one decision wins: " + won);
                assertEquals(1, conflicts, "the other sees that the order changed");
                PurchaseOrder order = PartnerFixtures.order(id);
                assertEquals(won.get(0).equals("approved") ? PurchaseOrder.Status.PLACED : PurchaseOrder.Status.REJECTED,
                        order.status);
            } finally {
                pool.shutdownNow();
            }
            Customer org = PartnerFixtures.customer(ACME);
            assertEquals(new BigDecimal("0.00"), org.creditReserved, "nothing applied twice");
        }
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void a_buyer_gets_no_approvals_page_and_decides_nothing() {
        long id = pendingOrderOf(ACME_BUYER);
        assertEquals(403, given().redirects().follow(false).get("/portal/approvals").statusCode());
        Response approve = BrowserForm.open("/portal/orders", null).post("/portal/approvals/" + id + "/approve",
                Map.of("version", Long.toString(PartnerFixtures.order(id).version)));
        assertEquals(403, approve.statusCode());
        assertEquals(PurchaseOrder.Status.PENDING_APPROVAL, PartnerFixtures.order(id).status);
    }

    private Mail mailTo(String address, String orderNumber, String word) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(address).stream()
                .anyMatch(m -> m.getSubject().contains(orderNumber) && m.getSubject().contains(word)));
        return mailbox.getMailsSentTo(address).stream()
                .filter(m -> m.getSubject().contains(orderNumber) && m.getSubject().contains(word)).findFirst().get();
    }
}
