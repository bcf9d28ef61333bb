package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, fault 4: a poison event. The Sales manager has paused {@code lead-decisions}; a lead is qualified
 * and its new account edited at once: Commerce cannot apply that {@code account.updated} (no customer is
 * linked to the account yet), so it goes DEAD after {@link SystemUnderTest#RELAY_MAX_ATTEMPTS} attempts while
 * other records keep flowing and a later edit of the same account waits behind it. Once the map is resumed
 * (the cause fixed: Commerce gets the customer) the manager's <em>Retry</em> applies it and the waiting edit
 * follows.
 */
@SystemTest
class PoisonEventIT {

    private final SystemUnderTest system;

    PoisonEventIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void deadEventBlocksOnlyItsRecordAndRetryAfterTheFixAppliesItThenTheNextOne() {
        Operator alice = Operator.signIn(system.sales().url(), "alice", "alice-demo");
        Operator maria = Operator.signIn(system.sales().url(), "maria", "maria-demo");
        Faults.Partner other = Faults.awaitCustomer(system, Faults.qualify(system, alice, Faults.burstTag("other")));

        maria.submitExpectingRedirect("/dualwrite", "form[action=/dualwrite/console/maps/lead-decisions/pause]", Map.of());
        try {
            Faults.Partner poisoned = Faults.qualify(system, alice, Faults.burstTag("poison"));
            String account = Long.toString(poisoned.accountId());
            String name = poisoned.signup().companyName();
            long begin = System.nanoTime();
            Faults.editAccount(alice, poisoned, name + " first", "Poisonville");
            Map<String, Object> dead = await("the first edit to be DEAD").atMost(Duration.ofSeconds(60))
                    .pollInterval(Faults.POLL).until(() -> outbox(account), rows -> !rows.isEmpty()
                            && "DEAD".equals(rows.get(0).get("status"))).get(0);
            long deadMillis = (System.nanoTime() - begin) / 1_000_000;
            assertEquals(SystemUnderTest.RELAY_MAX_ATTEMPTS, ((Number) dead.get("attempts")).intValue(), "attempts");
            assertThat((String) dead.get("last_error"), containsString("no customer is linked to " + poisoned.accountNumber()));

            Faults.editAccount(alice, poisoned, name + " second", "Curedtown");
            // other records flow meanwhile: another account's edit and a signup
            Faults.editAccount(alice, other, other.signup().companyName() + " flows", "Flowcity");
            String tag = Faults.burstTag("meanwhile");
            Faults.burst(tag, 3, 1, i -> system.signups());
            await("the other account's edit in Commerce").atMost(Duration.ofSeconds(30)).pollInterval(Faults.POLL)
                    .until(() -> system.commerceDb().rows("SELECT name FROM customer WHERE id = ?", other.customerId())
                            .get(0).get("name"), (other.signup().companyName() + " flows")::equals);
            await("the signups meanwhile in Sales").atMost(Duration.ofSeconds(30)).pollInterval(Faults.POLL)
                    .until(() -> Faults.leads(system, tag) == 3);
            List<Map<String, Object>> events = outbox(account);
            assertEquals(List.of("DEAD", "PENDING"), events.stream().map(row -> row.get("status")).toList());
            assertEquals(0, ((Number) events.get(1).get("attempts")).intValue(), "the later edit waits, never tried");
            assertEquals(0, system.commerceDb().number(
                    "SELECT count(*) FROM dualwrite_inbox WHERE aggregate_type = 'account' AND aggregate_id = ?", account));

            // the fix: Commerce learns the customer; then the operator's Retry
            maria.submitExpectingRedirect("/dualwrite", "form[action=/dualwrite/console/maps/lead-decisions/resume]", Map.of());
            Faults.Partner fixed = Faults.awaitCustomer(system, poisoned);
            assertEquals("DEAD", outbox(account).get(0).get("status"), "a dead event stays dead until retried");
            long retry = System.nanoTime();
            long deadId = ((Number) dead.get("id")).longValue();
            maria.submitExpectingRedirect("/dualwrite", "form[action=/dualwrite/console/events/" + deadId + "/retry]", Map.of());
            await("the waiting edit in Commerce").atMost(Duration.ofSeconds(30)).pollInterval(Faults.POLL)
                    .until(() -> system.commerceDb().rows("SELECT name FROM customer WHERE id = ?", fixed.customerId())
                            .get(0).get("name"), (name + " second")::equals);
            long retryMillis = (System.nanoTime() - retry) / 1_000_000;
            Faults.measure("fault 4 (poison event): DEAD after %d attempts in %d ms; after Retry both edits applied in"
                    + " %d ms", SystemUnderTest.RELAY_MAX_ATTEMPTS, deadMillis, retryMillis);

            assertEquals(List.of("DELIVERED", "DELIVERED"), outbox(account).stream().map(row -> row.get("status")).toList());
            List<Long> sent = outbox(account).stream().map(row -> ((Number) row.get("seq")).longValue()).toList();
            assertEquals(sent, Faults.appliedSeqs(system.commerceDb(), "account", account, "account.updated"),
                    "applied in order, each once");
            assertEquals("Curedtown", system.commerceDb().rows("SELECT city FROM customer WHERE id = ?",
                    fixed.customerId()).get(0).get("city"));
            assertTrue(maria.get("/dualwrite").select("form[action=/dualwrite/console/events/" + deadId + "/retry]").isEmpty(),
                    "no longer listed among the problems");

            // an alert rule on the map: its failed attempts are still in the window, so it fires at once
            alertRuleMailsAndPausesTheMap(maria);
        } finally {
            Faults.resumeIfPaused(maria, "lead-decisions");
            Faults.resumeIfPaused(maria, ALERTED_MAP);
            while (!maria.get("/dualwrite").select(DELETE_RULE).isEmpty()) {
                maria.submitExpectingRedirect("/dualwrite", DELETE_RULE, Map.of());
            }
        }
    }

    private static final String ALERTED_MAP = "accounts-to-customers";
    private static final String DELETE_RULE = "#rules form[action$=/delete]";

    /**
     * Maria's rule "3 errors of accounts-to-customers in 15 min: email me, pause the map": the poison event's
     * {@link SystemUnderTest#RELAY_MAX_ATTEMPTS} failed attempts count, the alert fires once, the mail arrives
     * over SMTP from Sales and the map is paused as by hand, with the alert badge.
     */
    private void alertRuleMailsAndPausesTheMap(Operator maria) {
        String operator = "ops-" + System.nanoTime() + "@sales.example";
        maria.submitExpectingRedirect("/dualwrite/console/alerts/rules/new", "#rule-form", Map.of("tableMap",
                ALERTED_MAP, "threshold", "3", "windowMinutes", "15", "email", operator, "pauseMap", "on"));
        await("the alert mail").atMost(Duration.ofSeconds(30)).pollInterval(Faults.POLL)
                .until(() -> system.mailbox().to(operator).size(), n -> n >= 1);
        String subject = system.mailbox().subjectsTo(operator).get(0);
        assertThat(subject, containsString("[Dual-write Sales] " + ALERTED_MAP + ": "));
        assertThat(Mailbox.text(system.mailbox().to(operator).get(0)), containsString(
                system.sales().url() + "/dualwrite"));
        var row = maria.get("/dualwrite").select("tr[data-map=" + ALERTED_MAP + "]");
        assertEquals("PAUSED", row.select(".badge").first().text());
        assertEquals("ALERT", row.select(".alert-badge").text());
        assertEquals(1, system.salesDb().number("SELECT count(*) FROM dualwrite_alert WHERE mail_to = ?", operator),
                "one alert");
        assertEquals(1, system.mailbox().to(operator).size(), "one mail");
    }

    private List<Map<String, Object>> outbox(String accountId) {
        return system.salesDb().rows("""
                SELECT id, seq, status, attempts, last_error FROM dualwrite_outbox
                 WHERE aggregate_type = 'account' AND aggregate_id = ? AND event_type = 'account.updated' ORDER BY seq""",
                accountId);
    }
}
