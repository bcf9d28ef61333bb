package onboarding.commerce.order;

import static onboarding.commerce.support.PartnerFixtures.ACME;
import static onboarding.commerce.support.PartnerFixtures.ACME_ADMIN;
import static onboarding.commerce.support.PartnerFixtures.ACME_APPROVER;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER2;
import static onboarding.commerce.support.PartnerFixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.customer.CreditEntry;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.support.PartnerFixtures;
import org.junit.jupiter.api.Test;

/**
 * Parallel orders can never overspend: 24 orders at once from 4 users of one organisation against a limit that fits
 * only 10 of them. Exactly 10 succeed (placed, or waiting for approval for the user with a per-order limit), the
 * credit used and reserved equal the sums of their totals, and never exceed the limit.
 */
@QuarkusTest
class OrderConcurrencyTest {

    static final int USERS = 4;
    static final int ORDERS_PER_USER = 6;

    @Inject
    OrderService orders;

    @Test
    void exactly_the_orders_that_fit_succeed_and_the_credit_is_never_overspent() throws Exception {
        PartnerFixtures.resetAcme("1000.00");
        PartnerFixtures.limits(ACME_BUYER2, "50.00", null); // their orders wait for approval: reserved, not used
        Product item = PartnerFixtures.product("100.00");
        List<Long> users = List.of(id(ACME_ADMIN), id(ACME_BUYER), id(ACME_APPROVER), id(ACME_BUYER2));
        OrderForm form = OrderForm.of(Map.of("qty-" + item.sku, List.of("1"), "price-" + item.sku, List.of("100.00")));

        ExecutorService pool = Executors.newFixedThreadPool(USERS * ORDERS_PER_USER);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OrderService.Placement>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < USERS * ORDERS_PER_USER; i++) {
                long user = users.get(i % USERS);
                futures.add(pool.submit(() -> {
                    start.await();
                    return orders.place(user, form);
                }));
            }
            start.countDown();
            List<OrderService.Placement> placements = new ArrayList<>();
            for (Future<OrderService.Placement> future : futures) {
                placements.add(future.get());
            }

            long succeeded = placements.stream().filter(p -> p.order() != null).count();
            long refused = placements.stream().filter(p -> p.result() == OrderService.Result.REFUSED).count();
            assertEquals(10, succeeded, "exactly the orders that fit the limit: " + placements.stream()
                    .map(OrderService.Placement::result).toList());
            assertEquals(USERS * ORDERS_PER_USER - 10, refused);
            assertTrue(placements.stream().filter(p -> p.result() == OrderService.Result.REFUSED)
                    .allMatch(p -> p.review().outcome() == OrderService.Outcome.REFUSED_OVER_CREDIT));

            List<PurchaseOrder> stored = PartnerFixtures.orders(ACME);
            assertEquals(10, stored.size(), "refused orders store nothing");
            BigDecimal placed = sum(stored, PurchaseOrder.Status.PLACED);
            BigDecimal pending = sum(stored, PurchaseOrder.Status.PENDING_APPROVAL);
            Customer org = PartnerFixtures.customer(ACME);
            assertEquals(placed, org.creditUsed, "credit used = the sum of the placed orders");
            assertEquals(pending, org.creditReserved, "credit reserved = the sum of the waiting orders");
            assertEquals(new BigDecimal("1000.00"), org.creditUsed.add(org.creditReserved), "never above the limit");
            assertTrue(stored.stream().filter(o -> o.ordererId == id(ACME_BUYER2))
                    .allMatch(o -> o.status == PurchaseOrder.Status.PENDING_APPROVAL));

            List<CreditEntry> history = PartnerFixtures.credit(ACME);
            assertEquals(10, history.size(), "one credit entry per order that succeeded");
            for (CreditEntry entry : history) {
                assertTrue(entry.used.add(entry.reserved).compareTo(entry.creditLimit) <= 0, "each step within the limit");
            }
            assertEquals(new BigDecimal("0.00"), history.get(history.size() - 1).available);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_edit_of_the_organisation_read_before_an_order_does_not_undo_the_orders_credit() throws Exception {
        PartnerFixtures.resetAcme("1000.00");
        Product item = PartnerFixtures.product("100.00");
        OrderForm form = OrderForm.of(Map.of("qty-" + item.sku, List.of("2"), "price-" + item.sku, List.of("100.00")));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Customer org = Customer.findById(ACME); // read with nothing used, as staff open the edit form
                org.name = "Acme Tools and Sons";
                try {
                    // an order commits in between: the edit is saved after it
                    assertEquals(OrderService.Result.PLACED, other.submit(() -> orders.place(id(ACME_BUYER), form)).get()
                            .result());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            other.shutdownNow();
        }
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals("Acme Tools and Sons", org.name);
        assertEquals(new BigDecimal("200.00"), org.creditUsed, "the edit writes what it changed, not the credit it read");
    }

    private static BigDecimal sum(List<PurchaseOrder> orders, PurchaseOrder.Status status) {
        return orders.stream().filter(o -> o.status == status).map(o -> o.total)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
