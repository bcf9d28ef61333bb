package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import onboarding.system.SignupClient.Submission;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A partner signup over HTTP becomes a prospect in Commerce, a lead in Sales and a confirmation email. */
@SystemTest
class SignupToLeadIT {

    /** The design promises "within a second when both are up"; a loaded CI machine gets some slack. */
    private static final Duration REPLICATION = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final SystemUnderTest system;

    SignupToLeadIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void signupBecomesUnownedLeadInSalesAndSendsOneConfirmation() {
        Signup signup = Signup.sample();

        Submission submission = system.signups().submit(signup);
        String ref = submission.ref();
        // Sales first, straight after the 303, so that the delay measured is the replication's alone
        Element lead = await("lead of " + ref + " in All Commerce B2B leads").atMost(REPLICATION)
                .pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(() -> leadRow(ref), Optional::isPresent).orElseThrow();
        long listedAfterMillis = (System.nanoTime() - submission.answeredAtNanos()) / 1_000_000;

        Document thanks = Pages.get(system.commerce().url() + "/partner-signup/thanks?ref=" + ref);
        assertEquals(ref, thanks.select("#reference").text());
        Element prospect = prospectRow(ref, "/hq/prospects").orElseThrow(() -> new AssertionError(ref + " not in All prospects"));
        assertThat(prospect.text(), stringContainsInOrder(signup.companyName(), signup.contactName(), signup.email()));
        assertEquals("New", prospect.select(".badge.NEW").text(), "status badge of " + ref);
        assertTrue(prospectRow(ref, "/hq/prospects?q=" + signup.email() + "&status=NEW").isPresent(),
                ref + " found by email among NEW prospects");

        String leadNumber = lead.attr("data-number");
        assertThat(leadNumber, matchesPattern("L-\\d{6,}"));

        Document leadPage = Pages.get(system.sales().url() + lead.selectFirst("a[href^=/leads/]").attr("href"));
        assertThat(leadPage.select("#contact").text(), stringContainsInOrder(signup.contactName(), signup.email()));
        assertThat(leadPage.select("#company").text(),
                stringContainsInOrder(signup.companyName(), signup.city(), signup.vatNumber()));
        assertThat(timeline(leadPage), hasItem("Created by dual-write from Commerce prospect " + ref));

        Document myOpen = Pages.get(system.sales().url() + "/leads?view=my-open");
        assertTrue(myOpen.select("tr[data-number=" + leadNumber + "]").isEmpty(), leadNumber + " not in My open leads");

        String prospectUrl = system.commerce().url() + prospect.selectFirst("a[href^=/hq/prospects/]").attr("href");
        Document prospectPage = await(ref + " shows its lead").atMost(WAIT)
                .until(() -> Pages.get(prospectUrl), page -> page.select("#lead-number").hasText());
        assertEquals(leadNumber, prospectPage.select("#lead-number").text());
        assertEquals(1, prospectPage.select("#replication.REPLICATED").size(), "replication badge of " + ref);
        assertEquals("New", prospectPage.select("#status").text());
        assertThat(timeline(prospectPage), hasItem("Replicated to Sales as lead " + leadNumber));

        system.mailbox().awaitExactly(signup.email(), "We received your partner application (" + ref + ")");
        await("the mail logged as sent on the Emails page").atMost(WAIT)
                .until(() -> Pages.get(system.commerce().url() + "/hq/emails").select("table#emails tr")
                        .stream().anyMatch(row -> row.text().contains(signup.email()) && !row.select(".badge.SENT").isEmpty()));

        long appliedAfterMillis = system.salesDb().number("""
                SELECT round(extract(epoch FROM applied_at - occurred_at) * 1000)
                  FROM dualwrite_inbox WHERE result_label = ?""", leadNumber);
        long acknowledgedAfterMillis = system.commerceDb().number("""
                SELECT round(extract(epoch FROM delivered_at - created_at) * 1000)
                  FROM dualwrite_outbox WHERE remote_label = ?""", leadNumber);
        System.out.printf("[measure] replication %s -> %s: listed in Sales %d ms after the 303 (list polled every %d ms);"
                + " applied %d ms after the signup's commit (sales_it dualwrite_inbox.applied_at - occurred_at);"
                + " acknowledged to Commerce after %d ms (commerce_it dualwrite_outbox.delivered_at - created_at)%n",
                ref, leadNumber, listedAfterMillis, POLL.toMillis(), appliedAfterMillis, acknowledgedAfterMillis);
    }

    @Test
    void frenchSignupGetsFrenchPagesAndFrenchConfirmation() {
        Signup signup = Signup.frenchSample();

        String ref = system.signups().submit(signup, "fr").ref();

        Document thanks = Pages.get(system.commerce().url() + "/partner-signup/thanks?ref=" + ref, "fr");
        assertEquals("Merci, votre demande a bien été reçue", thanks.select("h1").text());
        system.mailbox().awaitExactly(signup.email(), "Nous avons reçu votre demande de partenariat (" + ref + ")");
        Element lead = await("lead of " + ref).atMost(WAIT).until(() -> leadRow(ref), Optional::isPresent).orElseThrow();
        assertThat("accents survive the bridge", lead.text(), stringContainsInOrder(signup.contactName(), signup.companyName()));
    }

    @Test
    void signupsDuringSalesOutageReachSalesExactlyOnceWhenItIsBack() {
        long leadsBefore = system.salesDb().number("SELECT count(*) FROM lead");
        system.sales().kill();

        List<Signup> signups = List.of(Signup.sample(), Signup.sample(), Signup.sample());
        List<String> refs = new ArrayList<>();
        for (Signup signup : signups) {
            refs.add(system.signups().submit(signup).ref());
        }
        for (String ref : refs) {
            Element row = prospectRow(ref, "/hq/prospects").orElseThrow(() -> new AssertionError(ref + " not listed"));
            assertEquals("New", row.select(".badge.NEW").text(), ref + " status");
            assertEquals("Pending", row.select(".badge.PENDING").text(), ref + " replication");
        }
        Object emails = signups.stream().map(Signup::email).toArray(String[]::new);
        Object prospectIds = system.commerceDb().rows("SELECT id::text AS id FROM prospect WHERE number = ANY(?)",
                (Object) refs.toArray(String[]::new)).stream().map(row -> row.get("id")).toArray(String[]::new);
        assertEquals(3, ((String[]) prospectIds).length);
        assertEquals(3, system.commerceDb().number("""
                SELECT count(*) FROM dualwrite_outbox
                 WHERE aggregate_type = 'prospect' AND aggregate_id = ANY(?) AND status <> 'DELIVERED'""", prospectIds),
                "events waiting in the Commerce outbox");

        // longer than the retry budget (max-attempts x backoff) would last: events of an unreachable peer
        // never die; the relay stops trying while the peer is known to be down and probes it instead
        await("events stay pending through the outage").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> system.commerceDb().rows("""
                        SELECT status FROM dualwrite_outbox WHERE aggregate_type = 'prospect' AND aggregate_id = ANY(?)""",
                        prospectIds).stream().map(row -> row.get("status")).toList(),
                        everyItem(is((Object) "PENDING")));
        system.sales().startAndAwaitReady();
        long backAt = System.nanoTime();
        await("prospects whose lead is not yet in All Commerce B2B leads").atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> refs.stream().filter(ref -> leadRow(ref).isEmpty()).toList(), empty());
        long caughtUpMillis = (System.nanoTime() - backAt) / 1_000_000;
        await("replication badges of the 3 prospects").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> refs.stream().map(ref -> prospectRow(ref, "/hq/prospects")
                        .map(row -> row.select("td").last().text()).orElse("not listed")).toList(),
                        everyItem(startsWith("Replicated L-")));

        // nothing lost, nothing doubled, not even a moment later
        await("exactly 3 new leads").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> system.salesDb().number("SELECT count(*) FROM lead"), is(leadsBefore + 3));
        List<Map<String, Object>> perEmail = system.salesDb().rows(
                "SELECT email, count(*) AS leads FROM lead WHERE email = ANY(?) GROUP BY email", emails);
        assertEquals(3, perEmail.size(), "leads per email: " + perEmail);
        assertThat(perEmail.stream().map(row -> row.get("leads")).toList(), everyItem(is((Object) 1L)));
        List<Map<String, Object>> sent = system.commerceDb().rows("""
                SELECT event_id::text AS event_id, status, attempts FROM dualwrite_outbox
                 WHERE aggregate_type = 'prospect' AND aggregate_id = ANY(?) ORDER BY id""", prospectIds);
        assertThat(sent.stream().map(row -> row.get("status")).toList(), contains("DELIVERED", "DELIVERED", "DELIVERED"));
        List<Object> applied = system.salesDb().rows("""
                SELECT event_id::text AS event_id FROM dualwrite_inbox
                 WHERE aggregate_type = 'prospect' AND aggregate_id = ANY(?)""", prospectIds)
                .stream().map(row -> row.get("event_id")).toList();
        assertThat("one inbox row per event", applied,
                containsInAnyOrder(sent.stream().map(row -> row.get("event_id")).toArray()));
        System.out.printf("[measure] outage: 3 signups waited in the outbox (delivery attempts %s), all listed in Sales"
                + " %d ms after it was ready again%n", sent.stream().map(row -> row.get("attempts")).toList(),
                caughtUpMillis);
    }

    /** The row of a prospect on a Commerce prospects page (path with its query), if listed there. */
    private Optional<Element> prospectRow(String ref, String path) {
        return Optional.ofNullable(Pages.get(system.commerce().url() + path)
                .selectFirst("table#prospects tr[data-number=" + ref + "]"));
    }

    /** The row of the lead made from prospect {@code ref} in All Commerce B2B leads, if it is there yet. */
    private Optional<Element> leadRow(String ref) {
        return Pages.get(system.sales().url() + "/leads?view=all-b2b").select("table#leads tbody tr[data-number]")
                .stream().filter(row -> row.select("td").stream().anyMatch(td -> td.text().equals(ref))).findFirst();
    }

    private static List<String> timeline(Document page) {
        return page.select("#timeline li.timeline-entry .text").eachText();
    }
}
