package onboarding.system;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * What the fault tests share: sizes from system properties, bursts of signups from several concurrent
 * clients, a partner qualified through Sales' pages, and the {@code [measure]} lines.
 */
final class Faults {

    static final Duration POLL = Duration.ofMillis(100);
    /** Upper bound of any wait for replication in these tests (a loaded 2-core CI machine included). */
    static final Duration DRAIN = Duration.ofMinutes(3);
    private static final AtomicInteger BURSTS = new AtomicInteger();

    private Faults() {
    }

    /** A size from {@code -Dname=…}, e.g. {@code -Dfaults.burst.signups=2000}. */
    static int size(String name, int defaultValue) {
        return Integer.getInteger(name, defaultValue);
    }

    /** A tag unique to this run and burst, used as the prefix of the burst's emails (lower case). */
    static String burstTag(String what) {
        return ("f" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + "-" + what + "-"
                + BURSTS.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** The i-th signup of a burst: a sample with the email {@code <tag>-<i>@faults.example}. */
    static Signup signup(String tag, int i) {
        return Signup.sample().withEmail(tag + "-" + i + "@faults.example");
    }

    /** SQL LIKE pattern matching the emails of a burst. */
    static String like(String tag) {
        return tag + "-%@faults.example";
    }

    /**
     * Submits {@code count} signups from {@code clients} concurrent clients, each to the Commerce given by
     * {@code clientFor(i)}; returns the number submitted (every one must be accepted with a 303).
     */
    static int burst(String tag, int count, int clients, IntFunction<SignupClient> clientFor) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        clientFor.apply(i).submit(signup(tag, i)).ref();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
            return count;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a signup of burst " + tag + " failed", e.getCause());
        } catch (Exception e) {
            throw new AssertionError("burst " + tag + " did not complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void measure(String format, Object... args) {
        System.out.printf("[measure] " + format + "%n", args);
    }

    static double perSecond(long events, long millis) {
        return millis <= 0 ? events : events * 1000.0 / millis;
    }

    /** Leads of a burst in Sales. */
    static long leads(SystemUnderTest system, String tag) {
        return system.salesDb().number("SELECT count(*) FROM lead WHERE email LIKE ?", like(tag));
    }

    /** Outbox events of a burst's prospects in Commerce not yet delivered (PENDING, INFLIGHT, DEAD). */
    static long commerceBacklog(SystemUnderTest system, String tag) {
        return system.commerceDb().number("""
                SELECT count(*) FROM dualwrite_outbox o JOIN prospect p ON o.aggregate_id = p.id::text
                 WHERE o.aggregate_type = 'prospect' AND p.email LIKE ? AND o.status <> 'DELIVERED'""", like(tag));
    }

    /** A lead, its Sales account and the Commerce organisation customer, after qualification in Sales. */
    record Partner(long leadId, long accountId, String accountNumber, long customerId, Signup signup) {
    }

    /** A signup whose lead {@code alice} qualifies (new account) on the lead page; waits for its lead only. */
    static Partner qualify(SystemUnderTest system, Operator alice, String tag) {
        Signup signup = signup(tag, 0);
        system.signups().submit(signup).ref();
        long leadId = await("lead of " + signup.email()).atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                .until(() -> system.salesDb().rows("SELECT id FROM lead WHERE email = ?", signup.email()),
                        rows -> !rows.isEmpty()).get(0).values().stream().mapToLong(v -> ((Number) v).longValue())
                .findFirst().orElseThrow();
        HttpResponse<String> answer = alice.submit("/leads/" + leadId, "#qualify-form", Map.of("accountId", ""));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 303 || !location.contains("/opportunities/")) {
            throw new AssertionError("qualify of lead " + leadId + ": " + answer.statusCode() + " " + location);
        }
        long opportunityId = Long.parseLong(URI.create(location).getPath().replaceAll(".*/", ""));
        Map<String, Object> account = system.salesDb().rows(
                "SELECT a.id, a.number FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.id = ?",
                opportunityId).get(0);
        return new Partner(leadId, ((Number) account.get("id")).longValue(), (String) account.get("number"), -1, signup);
    }

    /** Waits until Commerce has the organisation customer of {@code partner}'s account (lead.qualified applied). */
    static Partner awaitCustomer(SystemUnderTest system, Partner partner) {
        long customerId = await("Commerce customer of " + partner.accountNumber()).atMost(Duration.ofSeconds(60))
                .pollInterval(POLL).until(() -> system.commerceDb().rows(
                        "SELECT local_id FROM dualwrite_link WHERE table_map = 'accounts-to-customers' AND remote_id = ?",
                        Long.toString(partner.accountId())), rows -> !rows.isEmpty())
                .stream().map(row -> Long.parseLong((String) row.get("local_id"))).findFirst().orElseThrow();
        return new Partner(partner.leadId(), partner.accountId(), partner.accountNumber(), customerId, partner.signup());
    }

    /** {@code alice} saves the account form of {@code partner} with a new name (and city). */
    static void editAccount(Operator alice, Partner partner, String name, String city) {
        alice.submitExpectingRedirect("/accounts/" + partner.accountId(), "#edit-form", Map.of("name", name, "city", city));
    }

    /** Sequence numbers of a record's events in the order the peer applied them. */
    static List<Long> appliedSeqs(Database db, String aggregateType, String aggregateId, String eventType) {
        return db.rows("SELECT seq FROM dualwrite_inbox WHERE aggregate_type = ? AND aggregate_id = ? AND event_type = ?"
                + " ORDER BY applied_at, seq", aggregateType, aggregateId, eventType)
                .stream().map(row -> ((Number) row.get("seq")).longValue()).toList();
    }

    /** Pauses a table map on the dual-write console of the operator's app (the console's form). */
    static void pause(Operator operator, String map) {
        operator.submitExpectingRedirect("/dualwrite", "form[action=/dualwrite/console/maps/" + map + "/pause]", Map.of());
    }

    /** Resumes a table map on the console; nothing when it is running already (for finally blocks). */
    static void resumeIfPaused(Operator operator, String map) {
        String form = "form[action=/dualwrite/console/maps/" + map + "/resume]";
        if (!operator.get("/dualwrite").select(form).isEmpty()) {
            operator.submitExpectingRedirect("/dualwrite", form, Map.of());
        }
    }

    /** A counter of an app's Prometheus metrics (0 when absent). */
    static double metric(AppProcess app, String name) {
        String text = io.restassured.RestAssured.given().config(Pages.HTTP)
                .header("Authorization", "Bearer " + SystemUnderTest.METRICS_TOKEN).get(app.url() + "/q/metrics").asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
