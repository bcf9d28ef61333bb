package onboarding.sales.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The pipeline pages speak French (Accept-Language), down to the refusals and validation errors. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class FrenchPagesTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Test
    void lead_opportunity_account_and_contact_pages_in_french() {
        long leadId = commerce.signup();
        Document lead = french("/leads/" + leadId);
        assertEquals("M'attribuer", lead.select("#assign-form button").text());
        assertEquals("Qualifier", lead.select("#qualify-form button").text());
        assertEquals("Disqualifier", lead.select("#disqualify-form button").text());
        assertEquals("N'est plus intéressé", lead.select("#reason option[value=NO_LONGER_INTERESTED]").text());
        assertTrue(lead.select("#disqualify-form").text().contains("Le motif peut être communiqué au demandeur"));
        assertEquals("Doublons possibles", lead.select("#duplicates h2").text());

        Response qualified = BrowserForm.open(null, "/leads/" + leadId, "fr").submit("#qualify-form", Map.of());
        long opportunityId = Long.parseLong(qualified.header("Location").replaceAll(".*/opportunities/", ""));
        Opportunity opportunity = rows.inTransaction(() -> Opportunity.findById(opportunityId));
        assertTrue(opportunity.name.startsWith("Partenariat – "), "named in the language of the user");
        assertTrue(french("/leads/" + leadId).select("#timeline").text().contains("Qualifié par alice : opportunité "
                + opportunity.number));

        Document page = french("/opportunities/" + opportunityId);
        assertEquals("Clôturer comme gagnée", page.select("#won-form button").text());
        assertEquals("Clôturer comme perdue", page.select("#lost-form button").text());
        assertEquals("Ouverte", page.select("#status").text());
        assertTrue(page.select("header nav").text().contains("Opportunités"));
        assertTrue(french("/opportunities").select("h1").text().equals("Opportunités"));

        Document account = french("/accounts/" + opportunity.account.id);
        assertEquals("Modifier le compte", account.select("#edit-form h2").text());
        assertTrue(account.select("#timeline").text().contains("Créé par alice à partir du prospect"));
        Response invalid = BrowserForm.open(null, "/accounts/" + opportunity.account.id, "fr")
                .submit("#edit-form", Map.of("name", ""));
        assertEquals(400, invalid.statusCode());
        assertEquals("Ce champ est obligatoire.", Jsoup.parse(invalid.asString()).select("#name-error").text());

        Document contact = french("/contacts/" + opportunity.contact.id);
        assertEquals("Modifier le contact", contact.select("#edit-form h2").text());
        assertEquals("Enregistrer", contact.select("#edit-form button").text());

        BrowserForm stale = BrowserForm.open(null, "/opportunities/" + opportunityId, "fr");
        stale.submit("#won-form", Map.of());
        Response refused = stale.submit("#won-form", Map.of());
        assertEquals(409, refused.statusCode());
        String message = Jsoup.parse(refused.asString()).select("#conflict-message").text();
        assertTrue(message.contains("est déjà clôturée comme gagnée"), message);
        assertTrue(french("/opportunities/" + opportunityId).select("#timeline").text().contains("Gagnée par alice"));
    }

    @Test
    void no_key_is_missing_on_the_new_pages() {
        long leadId = commerce.signup();
        for (String path : new String[] { "/leads/" + leadId, "/opportunities" }) {
            for (String language : new String[] { "en", "fr" }) {
                String html = given().header("Accept-Language", language).get(path).asString();
                assertFalse(html.contains("??"), path + " " + language + ": " + html);
            }
        }
    }

    private static Document french(String path) {
        return Jsoup.parse(given().header("Accept-Language", "fr").get(path).then().statusCode(200).extract().asString());
    }
}
