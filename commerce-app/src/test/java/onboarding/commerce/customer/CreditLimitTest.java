package onboarding.commerce.customer;

import static io.restassured.RestAssured.given;
import static onboarding.commerce.support.PartnerFixtures.ACME;
import static onboarding.commerce.support.PartnerFixtures.ACME_ADMIN;
import static onboarding.commerce.support.PartnerFixtures.ACME_BUYER;
import static onboarding.commerce.support.PartnerFixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.order.OrderForm;
import onboarding.commerce.order.OrderService;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.PartnerFixtures;
import onboarding.ui.Messages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Staff set an organisation's credit limit on /hq/customers/{id} (amount, currency, reason); every change is in the
 * credit history, shown to staff with the reason and to the partner's administrators without it.
 */
@QuarkusTest
class CreditLimitTest {

    static final String PAGE = "/hq/customers/" + ACME;

    @Inject
    OrderService orders;

    @BeforeEach
    void acme() {
        PartnerFixtures.resetAcme(null);
    }

    static Map<String, String> credit(String limit, String currency, String reason) {
        Map<String, String> form = new HashMap<>();
        form.put("creditLimit", limit);
        form.put("currency", currency);
        form.put("reason", reason);
        form.put("version", Long.toString(PartnerFixtures.customer(ACME).version));
        return form;
    }

    static Response post(Map<String, String> form) {
        return BrowserForm.open(PAGE, null).post(PAGE + "/credit-limit", form);
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void staff_allocate_then_change_a_credit_limit_and_each_change_is_in_the_history() {
        Document before = Jsoup.parse(given().get(PAGE).asString());
        assertNotNull(before.selectFirst("#no-credit-limit"));
        assertTrue(before.selectFirst("#currency-hint").text().contains("The catalogue prices in EUR"));

        Response allocated = post(credit("25000", "EUR", "Approved by finance"));
        assertEquals(303, allocated.statusCode(), allocated.asString());
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("25000.00"), org.creditLimit);
        assertEquals("EUR", org.creditCurrency);

        Response changed = post(credit("30000,50", "EUR", "Good payer"));
        assertEquals(303, changed.statusCode(), changed.asString());
        assertEquals(new BigDecimal("30000.50"), PartnerFixtures.customer(ACME).creditLimit);

        List<CreditEntry> history = PartnerFixtures.credit(ACME);
        assertEquals(List.of(CreditEntry.Kind.ALLOCATED, CreditEntry.Kind.CHANGED), history.stream().map(e -> e.kind).toList());
        assertEquals(new BigDecimal("25000.00"), history.get(0).amount);
        assertEquals(new BigDecimal("25000.00"), history.get(0).available);
        assertEquals("hq", history.get(0).actor);
        assertEquals("Approved by finance", history.get(0).reason);
        assertEquals(new BigDecimal("30000.50"), history.get(1).creditLimit);

        Document page = Jsoup.parse(given().get(PAGE).asString());
        assertEquals("30000.50", page.selectFirst("#credit-limit").attr("data-amount"));
        assertEquals(List.of("Good payer", "Approved by finance"), page.select("#credit-entries .credit-reason").eachText(),
                "staff see the reasons, newest first");
        assertTrue(PartnerFixtures.timeline("customer", ACME).contains("timeline.customer.creditLimit"));

        Response unchanged = post(credit("30000.50", "EUR", "same again"));
        assertEquals(303, unchanged.statusCode());
        assertEquals(2, PartnerFixtures.credit(ACME).size(), "saving the same limit records nothing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''        | EUR | reason | creditLimit | error.required",
            "-1        | EUR | reason | creditLimit | error.creditLimit",
            "12.345    | EUR | reason | creditLimit | error.creditLimit",
            "abc       | EUR | reason | creditLimit | error.creditLimit",
            "1e5       | EUR | reason | creditLimit | error.creditLimit",
            "100000000 | EUR | reason | creditLimit | error.creditLimit",
            "25,000.00 | EUR | reason | creditLimit | error.creditLimit",
            "1000      | USD | reason | currency    | error.currency",
            "1000      | ''  | reason | currency    | error.currency",
            "1000      | EUR | ''     | reason      | error.required" })
    @TestSecurity(user = "hq", roles = "staff")
    void an_invalid_credit_limit_is_refused_with_the_error_next_to_its_field(String limit, String currency, String reason,
            String field, String error) {
        Response refused = post(credit(limit, currency, reason));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals(Messages.get(Locale.ENGLISH, error), page.selectFirst("#" + field + "-error").text());
        assertEquals(limit, page.selectFirst("#creditLimit").attr("value"), "the input is kept");
        assertNull(PartnerFixtures.customer(ACME).creditLimit, "nothing saved");
        assertTrue(PartnerFixtures.credit(ACME).isEmpty());
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void a_reason_is_at_most_500_characters() {
        Response refused = post(credit("1000", "EUR", "x".repeat(501)));
        assertEquals(400, refused.statusCode());
        assertEquals("At most 500 characters.", Jsoup.parse(refused.asString()).selectFirst("#reason-error").text());
        assertEquals(303, post(credit("1000", "EUR", "x".repeat(500))).statusCode());
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void a_stale_form_is_refused() {
        Map<String, String> form = credit("1000", "EUR", "first");
        assertEquals(303, post(form).statusCode());
        form.put("creditLimit", "2000");
        assertEquals(409, post(form).statusCode(), "the version the form was rendered with is no longer current");
        assertEquals(new BigDecimal("1000.00"), PartnerFixtures.customer(ACME).creditLimit);
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void a_limit_goes_down_to_what_orders_use_and_reserve_and_no_further() {
        assertEquals(303, post(credit("1000", "EUR", "start")).statusCode());
        Product item = PartnerFixtures.product("100.00");
        place(ACME_BUYER, item, 3); // 300 used
        PartnerFixtures.limits(ACME_BUYER, "150.00", null);
        place(ACME_BUYER, item, 2); // 200 reserved

        Response below = post(credit("499.99", "EUR", "lower"));
        assertEquals(400, below.statusCode());
        assertEquals("The limit cannot be below what orders already use and reserve: €500.00.",
                Jsoup.parse(below.asString()).selectFirst("#creditLimit-error").text());
        assertEquals(new BigDecimal("1000.00"), PartnerFixtures.customer(ACME).creditLimit);

        assertEquals(303, post(credit("500", "EUR", "as low as it goes")).statusCode());
        Customer org = PartnerFixtures.customer(ACME);
        assertEquals(new BigDecimal("500.00"), org.creditLimit);
        assertEquals(new BigDecimal("0.00"), org.creditAvailable());

        Response currency = post(credit("500", "CHF", "Swiss branch"));
        assertEquals(400, currency.statusCode());
        assertEquals("The currency cannot change while orders use or reserve credit.",
                Jsoup.parse(currency.asString()).selectFirst("#currency-error").text());
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void only_organisations_have_a_credit_limit() {
        Map<String, String> form = credit("1000", "EUR", "person");
        form.put("version", Long.toString(PartnerFixtures.customer(id(ACME_BUYER)).version));
        Response refused = BrowserForm.open("/hq/customers/" + ACME_BUYER, null)
                .post("/hq/customers/" + ACME_BUYER + "/credit-limit", form);
        assertEquals(409, refused.statusCode());
        Document person = Jsoup.parse(given().get("/hq/customers/" + ACME_BUYER).asString());
        assertEquals("Buyer", person.selectFirst("#role").text());
        assertEquals("fr", person.selectFirst("#language").text());
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_ADMIN_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_ADMIN, type = AttributeType.LONG))
    void partner_admins_see_the_credit_history_without_the_staff_reasons() {
        PartnerFixtures.resetAcme("800.00");
        staffSets("1200", "Secret: their bank rating went up");
        Document page = Jsoup.parse(given().get("/portal/credit").asString());
        assertEquals("1200.00", page.selectFirst("#credit-limit").attr("data-amount"));
        assertEquals(List.of("CHANGED"), page.select("#credit-entries tr.credit-entry").eachAttr("data-kind"));
        assertTrue(page.select(".credit-reason").isEmpty());
        assertTrue(!page.html().contains("bank rating"), "never the staff's reason");
        assertNotNull(Jsoup.parse(given().get("/portal").asString()).selectFirst("#credit-history-link"));
    }

    @Test
    @TestSecurity(user = PartnerFixtures.ACME_BUYER_EMAIL, roles = "partner", attributes = @SecurityAttribute(key = "customerId", value = ACME_BUYER, type = AttributeType.LONG))
    void buyers_get_no_credit_history() {
        assertEquals(403, given().redirects().follow(false).get("/portal/credit").statusCode());
        assertNull(Jsoup.parse(given().get("/portal").asString()).selectFirst("#credit-history-link"));
    }

    private void staffSets(String limit, String reason) {
        jakarta.enterprise.inject.spi.CDI.current().select(CustomerService.class).get().setCreditLimit(ACME,
                form(limit, reason), "hq");
    }

    private static CreditForm form(String limit, String reason) {
        CreditForm form = new CreditForm();
        form.creditLimit = limit;
        form.currency = "EUR";
        form.reason = reason;
        form.version = PartnerFixtures.customer(ACME).version;
        return form;
    }

    private void place(String person, Product item, int quantity) {
        OrderService.Placement placement = orders.place(id(person), OrderForm.of(Map.of(
                "qty-" + item.sku, List.of(Integer.toString(quantity)), "price-" + item.sku, List.of("100.00"))));
        assertNotNull(placement.order(), placement.result() + " " + placement.review());
    }
}
