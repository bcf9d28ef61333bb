package onboarding.commerce.prospect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
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
    static String firstNumber;

    @BeforeEach
    void thirtyPartnersApply() {
        if (firstNumber != null) {
            return;
        }
        for (int i = 0; i < 30; i++) {
            var form = Signups.valid();
            form.put("companyName", tag + " Company " + i);
            form.put("lastName", i == 7 ? "Marchetti" + tag : "Dupont");
            form.put("email", "buyer" + i + "." + tag.toLowerCase() + "@example.com");
            Response response = BrowserForm.open("/partner-signup", null).post("/partner-signup", form);
            assertEquals(303, response.statusCode());
            if (i == 0) {
                firstNumber = response.header("Location").replaceAll(".*ref=", "");
            }
        }
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

    private static Document page(String path) {
        Response response = given().get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.asString());
    }

    private static List<String> companies(Document page) {
        return page.select("#prospects tbody tr td:nth-child(2)").eachText();
    }
}
