package onboarding.commerce.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.customer.CreditEntry;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.order.PurchaseOrder;

/**
 * Two partner organisations with their users, at fixed ids so that {@code @TestSecurity} can name a user's
 * {@code customerId} (negative: {@code customer_seq} never hands them out, and tests that count on the ids above the
 * highest one are not disturbed). {@link #reset} puts an organisation
 * back as a test expects it: its orders and credit history deleted, its credit and its users as given.
 */
public final class PartnerFixtures {

    /** Acme: organisation, then an admin, two buyers and an approver. */
    public static final long ACME = -9_000_000_100L;
    public static final String ACME_ADMIN = "-9000000101";
    public static final String ACME_BUYER = "-9000000102";
    public static final String ACME_APPROVER = "-9000000103";
    public static final String ACME_BUYER2 = "-9000000104";
    public static final String ACME_ADMIN_EMAIL = "acme-admin@portal.example";
    public static final String ACME_BUYER_EMAIL = "acme-buyer@portal.example";
    public static final String ACME_APPROVER_EMAIL = "acme-approver@portal.example";
    public static final String ACME_BUYER2_EMAIL = "acme-buyer2@portal.example";

    /** Globex: another organisation with an admin, a buyer and an approver. */
    public static final long GLOBEX = -9_000_000_200L;
    public static final String GLOBEX_ADMIN = "-9000000201";
    public static final String GLOBEX_BUYER = "-9000000202";
    public static final String GLOBEX_APPROVER = "-9000000203";
    public static final String GLOBEX_ADMIN_EMAIL = "globex-admin@portal.example";
    public static final String GLOBEX_BUYER_EMAIL = "globex-buyer@portal.example";
    public static final String GLOBEX_APPROVER_EMAIL = "globex-approver@portal.example";

    private record Person(long id, String email, Customer.Role role, String firstName, String language) {
    }

    private PartnerFixtures() {
    }

    public static long id(String fixture) {
        return Long.parseLong(fixture);
    }

    /** Acme as an active partner with {@code creditLimit} in EUR (null: none yet), its four users active, no limits. */
    public static void resetAcme(String creditLimit) {
        reset(ACME, "Acme Tools", creditLimit, List.of(
                new Person(id(ACME_ADMIN), ACME_ADMIN_EMAIL, Customer.Role.ADMIN, "Ada", "en"),
                new Person(id(ACME_BUYER), ACME_BUYER_EMAIL, Customer.Role.BUYER, "Bruno", "fr"),
                new Person(id(ACME_APPROVER), ACME_APPROVER_EMAIL, Customer.Role.APPROVER, "Alice", "en"),
                new Person(id(ACME_BUYER2), ACME_BUYER2_EMAIL, Customer.Role.BUYER, "Boris", "en")));
    }

    /** Globex as an active partner with {@code creditLimit} in EUR, its three users active, no limits. */
    public static void resetGlobex(String creditLimit) {
        reset(GLOBEX, "Globex Supplies", creditLimit, List.of(
                new Person(id(GLOBEX_ADMIN), GLOBEX_ADMIN_EMAIL, Customer.Role.ADMIN, "Gina", "en"),
                new Person(id(GLOBEX_BUYER), GLOBEX_BUYER_EMAIL, Customer.Role.BUYER, "Gus", "en"),
                new Person(id(GLOBEX_APPROVER), GLOBEX_APPROVER_EMAIL, Customer.Role.APPROVER, "Greta", "en")));
    }

    private static void reset(long org, String name, String creditLimit, List<Person> people) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Customer.getEntityManager();
            em.createNativeQuery("DELETE FROM credit_entry WHERE organization_id = ?1").setParameter(1, org).executeUpdate();
            em.createNativeQuery("DELETE FROM purchase_order_line WHERE order_id IN"
                    + " (SELECT id FROM purchase_order WHERE organization_id = ?1)").setParameter(1, org).executeUpdate();
            em.createNativeQuery("DELETE FROM purchase_order WHERE organization_id = ?1").setParameter(1, org)
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO customer (id, number, type, status, name, street, city, postal_code, country_code,
                                          credit_limit, credit_currency, credit_used, credit_reserved, created_at)
                    VALUES (?1, ?2, 'ORGANIZATION', 'ACTIVE', ?3, '1 rue des Tests', 'Lyon', '69001', 'FR',
                            ?4, ?5, 0, 0, now())
                    ON CONFLICT (id) DO UPDATE SET status = 'ACTIVE', name = EXCLUDED.name,
                        credit_limit = EXCLUDED.credit_limit, credit_currency = EXCLUDED.credit_currency,
                        credit_used = 0, credit_reserved = 0""")
                    .setParameter(1, org).setParameter(2, "CU-T" + Math.abs(org)).setParameter(3, name)
                    .setParameter(4, creditLimit == null ? null : new BigDecimal(creditLimit))
                    .setParameter(5, creditLimit == null ? null : "EUR").executeUpdate();
            for (Person p : people) {
                em.createNativeQuery("""
                        INSERT INTO customer (id, number, type, status, name, first_name, last_name, email, parent_id,
                                              role, language, created_at)
                        VALUES (?1, ?2, 'PERSON', 'ACTIVE', ?3, ?4, 'Test', ?5, ?6, ?7, ?8, now())
                        ON CONFLICT (id) DO UPDATE SET status = 'ACTIVE', role = EXCLUDED.role, parent_id = EXCLUDED.parent_id,
                            order_limit = NULL, monthly_limit = NULL, language = EXCLUDED.language,
                            email = EXCLUDED.email, name = EXCLUDED.name, first_name = EXCLUDED.first_name""")
                        .setParameter(1, p.id()).setParameter(2, "CU-T" + Math.abs(p.id())).setParameter(3, p.firstName() + " Test")
                        .setParameter(4, p.firstName()).setParameter(5, p.email()).setParameter(6, org)
                        .setParameter(7, p.role().name()).setParameter(8, p.language()).executeUpdate();
            }
        });
    }

    /** Sets a user's limits per order and per month (null: none). */
    public static void limits(String person, String orderLimit, String monthlyLimit) {
        QuarkusTransaction.requiringNew().run(() -> Customer.getEntityManager()
                .createNativeQuery("UPDATE customer SET order_limit = ?1, monthly_limit = ?2 WHERE id = ?3")
                .setParameter(1, orderLimit == null ? null : new BigDecimal(orderLimit))
                .setParameter(2, monthlyLimit == null ? null : new BigDecimal(monthlyLimit))
                .setParameter(3, id(person)).executeUpdate());
    }

    public static void creditCurrency(long org, String currency) {
        QuarkusTransaction.requiringNew().run(() -> Customer.getEntityManager()
                .createNativeQuery("UPDATE customer SET credit_currency = ?1 WHERE id = ?2")
                .setParameter(1, currency).setParameter(2, org).executeUpdate());
    }

    public static void status(String person, Customer.Status status) {
        QuarkusTransaction.requiringNew().run(() -> Customer.getEntityManager()
                .createNativeQuery("UPDATE customer SET status = ?1 WHERE id = ?2")
                .setParameter(1, status.name()).setParameter(2, id(person)).executeUpdate());
    }

    public static void organizationStatus(long org, Customer.Status status) {
        QuarkusTransaction.requiringNew().run(() -> Customer.getEntityManager()
                .createNativeQuery("UPDATE customer SET status = ?1 WHERE id = ?2")
                .setParameter(1, status.name()).setParameter(2, org).executeUpdate());
    }

    public static Customer customer(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.findById(id));
    }

    /** The organisation's orders, oldest first. */
    public static List<PurchaseOrder> orders(long org) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<PurchaseOrder> orders = PurchaseOrder.list("organizationId = ?1 order by id", org);
            orders.forEach(o -> o.lines.size());
            return orders;
        });
    }

    public static PurchaseOrder order(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PurchaseOrder order = PurchaseOrder.findById(id);
            order.lines.size();
            return order;
        });
    }

    /** The organisation's credit history, oldest first. */
    public static List<CreditEntry> credit(long org) {
        return QuarkusTransaction.requiringNew().call(() -> CreditEntry.list("organizationId = ?1 order by id", org));
    }

    /** The timeline message keys of a record, oldest first. */
    public static List<String> timeline(String recordType, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> keys = Customer.getEntityManager().createNativeQuery("SELECT message_key FROM timeline_entry"
                    + " WHERE record_type = ?1 AND record_id = ?2 ORDER BY id").setParameter(1, recordType)
                    .setParameter(2, Long.toString(id)).getResultList();
            return keys;
        });
    }

    /** A new active product of this test at {@code unitPrice}; its SKU is unique ({@code T-…}). */
    public static Product product(String unitPrice) {
        String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return QuarkusTransaction.requiringNew().call(() -> {
            Product product = new Product();
            product.sku = sku;
            product.nameEn = "Test item " + sku;
            product.nameFr = "Article d'essai " + sku;
            product.unitPrice = new BigDecimal(unitPrice);
            product.active = true;
            product.createdAt = java.time.Instant.now();
            product.persist();
            return product;
        });
    }

    public static void price(Product product, String unitPrice) {
        QuarkusTransaction.requiringNew().run(() -> Product.update("unitPrice = ?1, version = version + 1 where id = ?2",
                new BigDecimal(unitPrice), product.id));
    }

    public static void deactivate(Product product) {
        QuarkusTransaction.requiringNew().run(() -> Product.update("active = false where id = ?1", product.id));
    }
}
