package onboarding.commerce.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import onboarding.commerce.support.BrowserForm;
import onboarding.commerce.support.Signups;
import org.junit.jupiter.api.Test;

/** No mail server: the mail stays queued and is retried (on the sweep, every 5 s) with backoff, then FAILED (staff can resend it). */
@QuarkusTest
@TestProfile(MailServerDownTest.NoMailServer.class)
class MailServerDownTest {

    public static class NoMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", "9",
                    "commerce.mail.max-attempts", "3", "commerce.mail.retry-base", "PT0.2S",
                    "commerce.mail.retry-max", "PT0.5S");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void the_mail_is_retried_then_failed_and_the_signup_is_kept() {
        var form = Signups.valid();
        assertEquals(303, BrowserForm.open("/partner-signup", null).post("/partner-signup", form).statusCode());
        String email = form.get("email");

        Object[] failed = await().atMost(Duration.ofSeconds(30)).until(() -> mail(email),
                row -> row != null && "FAILED".equals(row[0]));
        assertEquals(3, ((Number) failed[1]).intValue(), "attempts");
        assertFalse(((String) failed[2]).isBlank(), "the error is kept");
        assertEquals(null, failed[3], "no next attempt");
        assertEquals(null, failed[4], "never sent");
        assertEquals("0", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT count(*) FROM timeline_entry t"
                + " JOIN mail_message m ON t.record_id = m.prospect_id::text WHERE m.recipient = ?1"
                + " AND t.message_key LIKE 'timeline.mail.sent.%'").setParameter(1, email).getSingleResult().toString()),
                "no 'mail sent' on the timeline");
    }

    private Object[] mail(String email) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT status, attempts, last_error, next_attempt_at, sent_at FROM mail_message WHERE recipient = ?1")
                .setParameter(1, email).getResultList());
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }
}
