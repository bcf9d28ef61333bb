package onboarding.commerce.signup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.prospect.ProspectStatus;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Signups;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class SignupTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("companyName", "", "error.required"),
                Arguments.of("companyName", "x".repeat(201), "error.tooLong200"),
                Arguments.of("firstName", "  ", "error.required"),
                Arguments.of("firstName", "x".repeat(101), "error.tooLong100"),
                Arguments.of("lastName", "", "error.required"),
                Arguments.of("email", "", "error.required"),
                Arguments.of("email", "claire@", "error.email"),
                Arguments.of("email", "claire dupont@example.com", "error.email"),
                Arguments.of("email", "a".repeat(250) + "@x.fr", "error.tooLong254"),
                Arguments.of("phone", "", "error.required"),
                Arguments.of("phone", "call me maybe", "error.phone"),
                Arguments.of("phone", "12", "error.phone"),
                Arguments.of("street", "", "error.required"),
                Arguments.of("city", "", "error.required"),
                Arguments.of("postalCode", "", "error.required"),
                Arguments.of("postalCode", "69003!", "error.postalCode"),
                Arguments.of("countryCode", "", "error.required"),
                Arguments.of("countryCode", "ZZ", "error.country"),
                Arguments.of("countryCode", "FRA", "error.country"),
                Arguments.of("vatNumber", "12345", "error.vat"),
                Arguments.of("website", "not a web address", "error.website"),
                Arguments.of("website", "ftp://files.example.com", "error.website"),
                Arguments.of("message", "x".repeat(2001), "error.tooLong2000"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused with {2}")
    @MethodSource("invalidFields")
    void each_rule_refuses_bad_input_with_400_the_error_by_its_field_and_nothing_stored(String field, String value,
            String errorKey) {
        long prospectsBefore = count("prospect");
        long outboxBefore = count("dualwrite_outbox");
        long mailsBefore = count("mail_message");
        Map<String, String> form = Signups.with(field, value);

        Response response = BrowserForm.open("/partner-signup", null).post("/partner-signup", form);

        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        String expected = onboarding.ui.Messages.get(java.util.Locale.ENGLISH, errorKey);
        assertEquals(expected, page.select("#" + field + "-error").text(), "error shown next to " + field);
        assertEquals("true", page.select("#" + field).attr("aria-invalid"));
        assertEquals(1, page.select(".field .error").size(), "only the bad field is flagged");
        assertEquals(form.get("companyName").equals(value) ? value.strip() : form.get("companyName"),
                page.select("#companyName").val(), "input kept");
        assertEquals("69003".equals(form.get("postalCode")) ? "69003" : form.get("postalCode"),
                page.select("#postalCode").val());
        assertEquals(prospectsBefore, count("prospect"), "no prospect stored");
        assertEquals(outboxBefore, count("dualwrite_outbox"), "nothing replicated");
        assertEquals(mailsBefore, count("mail_message"), "no mail queued");
    }

    @Test
    void a_valid_signup_stores_the_prospect_its_event_and_its_email_then_shows_thanks() {
        Map<String, String> form = Signups.valid();
        Response response = BrowserForm.open("/partner-signup", null).post("/partner-signup", form);

        assertEquals(303, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.matches(".*/partner-signup/thanks\\?ref=PR-\\d{6}"), location);
        String number = location.substring(location.indexOf("PR-"));

        Prospect prospect = Prospect.find("number", number).firstResult();
        assertEquals(ProspectStatus.NEW, prospect.status);
        assertEquals(form.get("email"), prospect.email);
        assertEquals("FR40303265045", prospect.vatNumber, "VAT normalised");
        assertEquals("en", prospect.language);
        assertEquals(1L, em.createNativeQuery("select count(*) from dualwrite_outbox where aggregate_type = 'prospect'"
                + " and aggregate_id = :id and event_type = 'prospect.submitted' and status = 'PENDING'")
                .setParameter("id", prospect.id.toString()).getSingleResult(), "one event waits for Sales");

        await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(form.get("email")).isEmpty());
        var mail = mailbox.getMailsSentTo(form.get("email")).get(0);
        assertEquals("We received your partner application (" + number + ")", mail.getSubject());
        assertTrue(mail.getText().contains(number));

        given().get(location).then().statusCode(200).body(containsString(number));
    }

    @Test
    void the_honeypot_pretends_success_and_stores_nothing() {
        long prospectsBefore = count("prospect");
        long outboxBefore = count("dualwrite_outbox");
        Response response = BrowserForm.open("/partner-signup", null)
                .post("/partner-signup", Signups.with("nickname", "http://spam.example"));
        assertEquals(303, response.statusCode());
        assertFalse(response.header("Location").contains("ref="));
        assertEquals(prospectsBefore, count("prospect"));
        assertEquals(outboxBefore, count("dualwrite_outbox"));
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_stores_nothing() {
        long prospectsBefore = count("prospect");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Signups.valid()).post("/partner-signup")
                .then().statusCode(400);
        assertEquals(prospectsBefore, count("prospect"));
    }

    @Test
    void the_french_page_renders_french_and_the_mail_goes_out_in_french() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/partner-signup")
                .then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Devenir partenaire commercial"))
                .body(containsString("Raison sociale"))
                .body(not(containsString("Company name")));

        Map<String, String> form = Signups.with("email", "");
        Response refused = BrowserForm.open("/partner-signup", "fr").post("/partner-signup", form);
        assertEquals(400, refused.statusCode());
        assertEquals("Ce champ est obligatoire.", Jsoup.parse(refused.asString()).select("#email-error").text());

        Map<String, String> valid = Signups.valid();
        Response accepted = BrowserForm.open("/partner-signup", "fr").post("/partner-signup", valid);
        assertEquals(303, accepted.statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(valid.get("email")).isEmpty());
        assertTrue(mailbox.getMailsSentTo(valid.get("email")).get(0).getSubject()
                .startsWith("Nous avons reçu votre demande de partenariat"));
    }

    @Test
    void the_language_switch_is_remembered_in_a_cookie() {
        Response switched = given().get("/partner-signup?lang=fr");
        assertEquals("fr", switched.getCookie("lang"));
        assertTrue(switched.asString().contains("Devenir partenaire commercial"));
        given().cookie("lang", "fr").header("Accept-Language", "en").get("/")
                .then().body(containsString("Devenir partenaire"));
        given().cookie("lang", "en").header("Accept-Language", "fr").get("/")
                .then().body(containsString("Become a partner"));
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
