package onboarding.commerce.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.mail.OneTimeLinks;
import onboarding.commerce.support.BrowserForm;
import org.junit.jupiter.api.Test;

/** A one-time activation link opens the password form once, for an invited person only. */
@QuarkusTest
class ActivationTest {

    private static final AtomicInteger N = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Inject
    ActivationService activations;

    @Test
    void a_link_of_a_person_deactivated_since_it_was_mailed_opens_nothing() {
        Customer person = invited();
        String token = QuarkusTransaction.requiringNew().call(() -> activations.issue(person.id, OneTimeLinks.ACTIVATION));
        assertEquals(200, given().get("/portal/activate?token=" + token).statusCode(), "the link works while invited");
        BrowserForm form = BrowserForm.open("/portal/activate?token=" + token, null);
        QuarkusTransaction.requiringNew().run(() -> Customer.update("status = ?1 where id = ?2",
                Customer.Status.DEACTIVATED, person.id));

        assertEquals(410, given().get("/portal/activate?token=" + token).statusCode());
        assertEquals(410, form.post("/portal/activate", Map.of("token", token, "password", "a good long password",
                "passwordConfirmation", "a good long password")).statusCode());
        Customer after = QuarkusTransaction.requiringNew().call(() -> Customer.findById(person.id));
        assertEquals(Customer.Status.DEACTIVATED, after.status);
        assertNull(after.passwordHash);
    }

    @Test
    void a_newer_link_replaces_the_older_one() {
        Customer person = invited();
        String first = QuarkusTransaction.requiringNew().call(() -> activations.issue(person.id, OneTimeLinks.ACTIVATION));
        String second = QuarkusTransaction.requiringNew().call(() -> activations.issue(person.id, OneTimeLinks.ACTIVATION));
        assertEquals(410, given().get("/portal/activate?token=" + first).statusCode(), "a re-sent mail's link wins");
        assertEquals(200, given().get("/portal/activate?token=" + second).statusCode());
    }

    private static Customer invited() {
        int n = N.incrementAndGet();
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer org = Customer.create(Customer.Type.ORGANIZATION);
            org.name = "Activation Test " + n + " SA";
            org.status = Customer.Status.ACTIVE;
            org.persist();
            Customer person = Customer.create(Customer.Type.PERSON);
            person.firstName = "Ines";
            person.lastName = "Invited" + n;
            person.name = "Ines Invited" + n;
            person.email = "ines" + n + "@activation-test.example";
            person.parentId = org.id;
            person.role = Customer.Role.BUYER;
            person.status = Customer.Status.INVITED;
            person.persist();
            return person;
        });
    }
}
