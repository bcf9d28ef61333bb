package onboarding.commerce.signup;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Signups;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The public signup cannot be used to flood the prospects or to bomb an inbox with "application received" mails. */
@QuarkusTest
class SignupLimitsTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void one_email_address_gets_three_applications_an_hour_then_a_clear_refusal_that_keeps_the_form() {
        Map<String, String> form = Signups.valid();
        String email = form.get("email");
        for (int i = 0; i < 3; i++) {
            form.put("companyName", "Flood Test " + i + " SARL");
            assertEquals(303, BrowserForm.open("/partner-signup", null).post("/partner-signup", form).statusCode());
        }
        form.put("companyName", "Flood Test 4 SARL");
        Response refused = BrowserForm.open("/partner-signup", null).post("/partner-signup", form);
        assertEquals(429, refused.statusCode());
        var page = Jsoup.parse(refused.asString());
        assertTrue(page.select("#signup-refused").text().contains("in the last hour"), page.select("#signup-refused").text());
        assertEquals("Flood Test 4 SARL", page.select("input[name=companyName]").val(), "what was typed is kept");
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> Prospect.count("email", email)));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(email).size() == 3);
        assertEquals(3, mailbox.getMailsSentTo(email).size(), "three mails, not four");

        Response french = BrowserForm.open("/partner-signup", "fr").post("/partner-signup", form);
        assertEquals(429, french.statusCode());
        assertTrue(Jsoup.parse(french.asString()).select("#signup-refused").text().contains("dernière heure"));
    }

    @Test
    void one_client_address_gets_its_limit_per_window() {
        SignupLimits limits = new SignupLimits(new SignupLimits.Config() {
            @Override
            public int perEmail() {
                return 3;
            }

            @Override
            public Duration emailWindow() {
                return Duration.ofHours(1);
            }

            @Override
            public int perAddress() {
                return 2;
            }

            @Override
            public Duration addressWindow() {
                return Duration.ofMinutes(10);
            }
        });
        assertNull(limits.addressRefusal("192.0.2.7"));
        assertNull(limits.addressRefusal("192.0.2.7"));
        assertEquals("signup.refused.address", limits.addressRefusal("192.0.2.7"));
        assertNull(limits.addressRefusal("192.0.2.8"), "another address goes on");
    }
}
