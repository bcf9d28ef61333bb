package onboarding.commerce.catalogue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import onboarding.commerce.support.BrowserForm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue in the back office (/hq/products): staff list, create and edit products; partners never see it. */
@QuarkusTest
class CatalogueTest {

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void staff_create_a_product_and_edit_it_and_it_is_listed() {
        String sku = newSku();
        Response created = BrowserForm.open("/hq/products/new", null).post("/hq/products", product(sku, "149.90"));
        assertEquals(303, created.statusCode(), created.asString());
        Product product = bySku(sku);
        assertEquals(new BigDecimal("149.90"), product.unitPrice);
        assertTrue(product.active);
        assertEquals("Perceuse " + sku, product.nameFr);

        Document list = Jsoup.parse(given().get("/hq/products").asString());
        assertEquals("149.90", list.selectFirst("tr[data-sku=" + sku + "] td[data-amount]").attr("data-amount"));

        Map<String, String> edit = product(sku.toLowerCase(Locale.ROOT), "99,5");
        edit.remove("active"); // unchecked
        edit.put("version", Long.toString(product.version));
        Response saved = BrowserForm.open("/hq/products/" + product.id, null).post("/hq/products/" + product.id, edit);
        assertEquals(303, saved.statusCode(), saved.asString());
        Product edited = bySku(sku);
        assertEquals(new BigDecimal("99.50"), edited.unitPrice, "a decimal comma is read as a decimal point");
        assertFalse(edited.active);
        assertEquals(sku, edited.sku, "a SKU is kept in capitals");

        Response stale = BrowserForm.open("/hq/products/" + product.id, null).post("/hq/products/" + product.id, edit);
        assertEquals(409, stale.statusCode(), "the form's version is no longer current");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sku       | A                                  | error.sku",
            "sku       | TOO-LONG-SKU-0123456789-0123456789 | error.sku",
            "sku       | AB_CD                              | error.sku",
            "sku       | ''                                 | error.required",
            "nameEn    | ''                                 | error.required",
            "nameFr    | ''                                 | error.required",
            "unitPrice | ''                                 | error.required",
            "unitPrice | 0                                  | error.amount",
            "unitPrice | -5                                 | error.amount",
            "unitPrice | 1.999                              | error.amount",
            "unitPrice | 1,000.00                           | error.amount",
            "unitPrice | 1e3                                | error.amount",
            "unitPrice | 100000000                          | error.amount",
            "unitPrice | abc                                | error.amount" })
    @TestSecurity(user = "hq", roles = "staff")
    void an_invalid_product_is_refused_with_the_error_next_to_its_field(String field, String value, String error) {
        String sku = newSku();
        Map<String, String> form = product(sku, "10.00");
        form.put(field, value);
        Response refused = BrowserForm.open("/hq/products/new", null).post("/hq/products", form);
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertNotNull(page.selectFirst("#" + field + "-error"), "error next to " + field);
        assertEquals(onboarding.ui.Messages.get(Locale.ENGLISH, error), page.selectFirst("#" + field + "-error").text());
        assertEquals(value, page.selectFirst("input[name=" + field + "]").attr("value"), "the input is kept");
        assertNull(bySku(sku), "nothing stored");
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void a_sku_is_unique() {
        String sku = newSku();
        assertEquals(303, BrowserForm.open("/hq/products/new", null).post("/hq/products", product(sku, "5")).statusCode());
        Response again = BrowserForm.open("/hq/products/new", null).post("/hq/products", product(sku, "6"));
        assertEquals(400, again.statusCode());
        assertEquals("Another product already has this SKU.", Jsoup.parse(again.asString()).select("#sku-error").text());
    }

    @Test
    @TestSecurity(user = "hq", roles = "staff")
    void two_people_saving_one_new_sku_at_once_get_one_product_and_a_clear_refusal() throws Exception {
        String sku = newSku();
        java.util.List<BrowserForm> forms = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            forms.add(BrowserForm.open("/hq/products/new", null));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = pool.invokeAll(forms.stream().map(form -> (java.util.concurrent.Callable<Integer>) () ->
                    form.post("/hq/products", product(sku, "7")).statusCode()).toList());
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 303).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void demo_products_are_in_the_catalogue_when_demo_data_are_on() {
        for (DemoProducts.Demo demo : DemoProducts.PRODUCTS) {
            Product product = bySku(demo.sku());
            assertNotNull(product, demo.sku());
            assertEquals(demo.nameFr(), product.nameFr);
        }
    }

    @Test
    @TestSecurity(user = "acme-buyer@portal.example", roles = "partner")
    void a_partner_gets_no_back_office_page() {
        for (String path : new String[] { "/hq/products", "/hq/products/new", "/hq/orders", "/hq/customers" }) {
            assertEquals(403, given().redirects().follow(false).get(path).statusCode(), path);
        }
        assertEquals(403, given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("sku", newSku()).post("/hq/products").statusCode());
    }

    @Test
    void anonymous_visitors_are_sent_to_the_sign_in_page() {
        Response response = given().redirects().follow(false).get("/hq/products");
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").startsWith("/login"), response.header("Location"));
    }

    static String newSku() {
        return "CAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static Map<String, String> product(String sku, String price) {
        Map<String, String> form = new HashMap<>();
        form.put("sku", sku);
        form.put("nameEn", "Drill " + sku);
        form.put("nameFr", "Perceuse " + sku);
        form.put("unitPrice", price);
        form.put("active", "true");
        return form;
    }

    static Product bySku(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> Product.bySku(sku));
    }
}
