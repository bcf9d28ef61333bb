package onboarding.commerce.prospect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Signups;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "hq", roles = "staff")
class AllProspectsTest {

    /** Marks this run's prospects so searches find only them. */
    static final String tag = "Zq" + UUID.randomUUID().toString().substring(0, 6);
    /** Marks the prospects whose names hold the characters LIKE would take as wildcards. */
    static final String literal = "Lq" + UUID.randomUUID().toString().substring(0, 6);
    static String firstNumber;

    @Inject
    EntityManager em;

    @BeforeEach
    void thirtyPartnersApply() {
        if (firstNumber != null) {
            return;
        }
        for (int i = 0; i < 30; i++) {
            String number = apply(tag + " Company " + i, i == 7 ? "Marchetti" + tag : "Dupont",
                    "buyer" + i + "." + tag.toLowerCase() + "@example.com");
            if (i == 0) {
                firstNumber = number;
            }
        }
        List<String> companies = List.of("50% Rabatt", "50x Rabatt", "Alpha_Beta", "AlphaxBeta", "Hey! Corp", "Hey Corp");
        for (int i = 0; i < companies.size(); i++) {
            apply(literal + " " + companies.get(i), "Dupont", "buyer" + i + "." + literal.toLowerCase() + "@example.com");
        }
    }

    /** A partner applies on the signup page; returns its prospect number. */
    private static String apply(String company, String lastName, String email) {
        var form = Signups.valid();
        form.put("companyName", company);
        form.put("lastName", lastName);
        form.put("email", email);
        Response response = BrowserForm.open("/partner-signup", null).post("/partner-signup", form);
        assertEquals(303, response.statusCode());
        return response.header("Location").replaceAll(".*ref=", "");
    }

    @Test
    void search_by_company_pages_through_the_results_newest_first() {
        Document first = page("/hq/prospects?q=" + tag);
        assertEquals(25, first.select("#prospects tbody tr").size());
        assertTrue(first.select("#prospects tbody tr").first().text().contains(tag + " Company 29"), "newest first");
        assertTrue(first.select(".pager").text().contains("1–25 of 30"), first.select(".pager").text());
        String next = first.select(".pager a[rel=next]").attr("href");
        Document second = page("/hq/prospects" + next);
        assertEquals(5, second.select("#prospects tbody tr").size());
        assertTrue(second.select(".pager").text().contains("26–30 of 30"));
    }

    @Test
    void search_by_name_email_and_number() {
        assertEquals(List.of(tag + " Company 7"), companies(page("/hq/prospects?q=marchetti" + tag.toLowerCase())));
        assertEquals(List.of(tag + " Company 12"),
                companies(page("/hq/prospects?q=buyer12." + tag.toLowerCase() + "@example.com")));
        assertEquals(List.of(tag + " Company 0"), companies(page("/hq/prospects?q=" + firstNumber)));
    }

    @Test
    void percent_underscore_and_the_escape_character_are_searched_literally() {
        assertEquals(List.of(literal + " 50% Rabatt"), companies(page("/hq/prospects?q=" + encode(literal + " 50%"))));
        assertEquals(List.of(literal + " Alpha_Beta"), companies(page("/hq/prospects?q=" + encode(literal + " alpha_beta"))));
        assertEquals(List.of(literal + " Hey! Corp"), companies(page("/hq/prospects?q=" + encode(literal + " hey!"))));
        assertEquals(6, companies(page("/hq/prospects?q=" + literal)).size());
    }

    @Test
    void the_whole_text_is_searched_in_one_column_at_a_time() {
        String lowerTag = tag.toLowerCase();
        // a part of a company name, a contact name, an email (its domain too)
        assertEquals(11, companies(page("/hq/prospects?q=" + encode(tag + " company 1"))).size(), "Company 1 and 10 to 19");
        assertEquals(List.of(tag + " Company 7"), companies(page("/hq/prospects?q=" + encode("ire Marchetti" + tag))));
        assertEquals(List.of(tag + " Company 21"), companies(page("/hq/prospects?q=" + encode("r21." + lowerTag + "@exa"))));
        assertTrue(page("/hq/prospects?q=" + encode("." + lowerTag + "@example.com")).select(".pager").text().contains("of 30"));
        // every word present, but not as that text in one column: no match
        assertEquals(1, page("/hq/prospects?q=" + encode("company " + tag)).select("#no-prospects").size(), "words out of order");
        assertEquals(1, page("/hq/prospects?q=" + encode("dupont buyer3")).select("#no-prospects").size(), "contact and email");
        assertEquals(1, page("/hq/prospects?q=" + encode(tag + " 7 Company")).select("#no-prospects").size());
        // a word every prospect has next to a rare one
        assertEquals(List.of(tag + " Company 12"), companies(page("/hq/prospects?q=" + encode("buyer12." + lowerTag + "@example.com"))));
        assertEquals(List.of(tag + " Company 3"), companies(page("/hq/prospects?q=" + encode(tag + " Company 3") + "&status=NEW")));
    }

    @Test
    void the_index_is_asked_for_the_rare_words_only() {
        // "gmbh" and "example" in every prospect of the sample, "umbrella" in one in twenty, "627423" in none
        var sample = java.util.Map.of("gmbh", 2000, "example", 2000, "umbrella", 100, "industries", 400, "jonas", 100, "simon", 100);
        assertEquals(List.of("627423"), SearchWords.choose("Umbrella Industries 627423 GmbH", sample, 2000));
        assertEquals(List.of("627423"), SearchWords.choose("jonas.simon.627423@umbrella-627423.example", sample, 2000));
        assertEquals(2, SearchWords.choose("Jonas Simon", sample, 2000).size(), "two words one in twenty: both");
        assertEquals(List.of("umbrella", "industries"), SearchWords.choose("Umbrella Industries GmbH", sample, 2000));
        assertEquals(List.of(), SearchWords.choose("GmbH", sample, 2000), "too common: the whole text goes to the index");
        assertEquals(List.of(), SearchWords.choose("50% a_b", sample, 2000), "no word of three letters");
        assertEquals(List.of("rabatt"), SearchWords.choose("50% Rabatt", sample, 2000));
    }

    @Test
    void a_long_list_is_counted_only_a_few_pages_ahead() {
        // 10,001 prospects by SQL, every 20th with "Rare" in its name (500), the newest with the highest number
        String bulk = "Bk" + UUID.randomUUID().toString().substring(0, 6);
        execute("INSERT INTO prospect (id, number, status, company_name, first_name, last_name, email, phone, street, city,"
                + " postal_code, country_code, language, correlation_id, submitted_at, replication_status)"
                + " SELECT nextval('prospect_seq'), '" + bulk + "-' || g, 'APPROVED',"
                + " '" + bulk + " ' || CASE WHEN g % 20 = 0 THEN 'Rare ' ELSE '' END || g, 'Anna', 'Roux',"
                + " 'anna' || g || '@" + bulk.toLowerCase() + ".example', '+49 30 1', 'Street 1', 'Berlin', '10115', 'DE', 'en',"
                + " md5(g::text), now() - interval '2 days' + g * interval '1 second', 'REPLICATED'"
                + " FROM generate_series(1, 10001) g");
        try {
            // ids first (500 matches, sorted): counted up to ten pages ahead of the current one
            Document rare = page("/hq/prospects?q=" + encode(bulk + " rare"));
            assertEquals(bulk + " Rare 10000", companies(rare).get(0), "newest first");
            assertTrue(rare.select(".pager").text().contains("1–25 of more than 275"), rare.select(".pager").text());
            Document second = page("/hq/prospects" + rare.select(".pager a[rel=next]").attr("href"));
            assertEquals(bulk + " Rare 9500", companies(second).get(0));
            assertTrue(second.select(".pager").text().contains("26–50 of more than 300"), second.select(".pager").text());
            Document last = page("/hq/prospects?q=" + encode(bulk + " rare") + "&page=20");
            assertTrue(last.select(".pager").text().contains("476–500 of 500"), last.select(".pager").text());
            assertTrue(last.select(".pager a[rel=next]").isEmpty());

            // too many matches to sort them all (10,001): the date index is walked, newest first all the same
            Document all = page("/hq/prospects?q=" + bulk);
            assertEquals(bulk + " 10001", companies(all).get(0));
            assertTrue(all.select(".pager").text().contains("1–25 of more than 275"), all.select(".pager").text());
            Document far = page("/hq/prospects?q=" + bulk + "&page=401");
            assertEquals(List.of(bulk + " 1"), companies(far));
            assertTrue(far.select(".pager").text().contains("10001–10001 of 10001"), far.select(".pager").text());

            // no search: the same capped count, of every prospect
            Document first = page("/hq/prospects");
            assertEquals(25, first.select("#prospects tbody tr").size());
            assertTrue(first.select(".pager").text().contains("1–25 of more than 275"), first.select(".pager").text());
            assertTrue(page("/hq/prospects?status=APPROVED").select(".pager").text().contains("of more than 275"));

            // a page far past the end is an empty page, not an error
            assertTrue(page("/hq/prospects?q=" + bulk + "&page=2147483647").select("#prospects tbody tr").isEmpty());

            // in French
            String french = given().urlEncodingEnabled(false).header("Accept-Language", "fr").get("/hq/prospects?q=" + encode(bulk + " rare")).asString();
            assertTrue(Jsoup.parse(french).select(".pager").text().contains("1–25 sur plus de 275"));
        } finally {
            execute("DELETE FROM prospect WHERE number LIKE '" + bulk + "-%'");
        }
    }

    @Test
    void filter_by_status() {
        assertEquals(25, page("/hq/prospects?q=" + tag + "&status=NEW").select("#prospects tbody tr").size());
        assertEquals(1, page("/hq/prospects?q=" + tag + "&status=APPROVED").select("#no-prospects").size());
        // an unknown status is ignored rather than failing the page
        assertEquals(25, page("/hq/prospects?q=" + tag + "&status=BOGUS").select("#prospects tbody tr").size());
    }

    @Test
    void a_prospect_page_shows_its_data_and_timeline() {
        Document list = page("/hq/prospects?q=" + firstNumber);
        Document detail = page(list.select("#prospects tbody tr a").attr("href"));
        assertTrue(detail.select("h1").text().contains(firstNumber));
        assertEquals("New", detail.select("#status").text());
        assertEquals("Pending", detail.select("#replication").text());
        assertTrue(detail.select("#timeline").text().contains("Submitted on the B2B site by Claire Dupont"));
        given().get("/hq/prospects/99999999").then().statusCode(404);
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The page at {@code path}, whose query string is already encoded. */
    private static Document page(String path) {
        Response response = given().urlEncodingEnabled(false).get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.asString());
    }

    private static List<String> companies(Document page) {
        return page.select("#prospects tbody tr td:nth-child(2)").eachText();
    }
}
