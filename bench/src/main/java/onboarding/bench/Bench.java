package onboarding.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The load generator and report writer that {@code bench/run.sh} drives. Commands:
 * <ul>
 * <li>{@code signup-closed} scenario 1, N users posting signups back to back;</li>
 * <li>{@code signup-open} scenario 2's load, signups at a fixed rate;</li>
 * <li>{@code pages} scenario 4, back office pages as a signed-in staff member;</li>
 * <li>{@code initial-sync} scenario 6, an initial sync started on the console, its progress read until DONE;</li>
 * <li>{@code peer-latency}, {@code peer-drain} the peer beside our relay (Debezium, {@link PeerRun});</li>
 * <li>{@code histogram} percentiles of latencies measured elsewhere (one value in ms per line);</li>
 * <li>{@code report} bench/results/latest.md and latest.json from the figures of a run.</li>
 * </ul>
 * Each command appends its figures ({@code key=value}) to {@code --out}. Only 127.0.0.1 is ever contacted.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar bench.jar signup-closed|signup-open|pages|initial-sync|histogram|peer-latency|peer-drain|report --option value...");
            System.exit(2);
        }
        Options options = new Options(args, 1);
        switch (args[0]) {
            case "signup-closed" -> signupClosed(options);
            case "signup-open" -> signupOpen(options);
            case "pages" -> pages(options);
            case "initial-sync" -> initialSync(options);
            case "histogram" -> histogram(options);
            case "peer-latency" -> PeerRun.latency(options);
            case "peer-drain" -> PeerRun.drain(options);
            case "report" -> Report.write(options.path("work"), options.path("md"), options.path("json"));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void signupClosed(Options options) throws InterruptedException {
        Http http = new Http();
        String url = options.loopbackUrl("url");
        String runId = options.string("run-id", Long.toString(System.currentTimeMillis(), 36));
        int users = options.integer("users", 8);
        Fragment fragment = new Fragment().put("signup.users", users);
        int warmup = options.integer("warmup", 0);
        if (warmup > 0) {
            var warm = ClosedLoopSignups.run(http, new ClosedLoopSignups.Settings(url, users, warmup,
                    options.decimal("warmup-seconds", 30), runId + "w"));
            fragment.put("signup.warmup.ok", warm.outcomes().ok.sum())
                    .put("signup.warmup.errors", warm.outcomes().errorCount());
            if (warm.outcomes().ok.sum() > 0) {
                fragment.put("signup.warmup.firstProspectId", warm.outcomes().firstId.get())
                        .put("signup.warmup.lastProspectId", warm.outcomes().lastId.get());
            }
        }
        var result = ClosedLoopSignups.run(http, new ClosedLoopSignups.Settings(url, users,
                options.integer("count", 1000), options.decimal("seconds", 30), runId));
        fragment.put("signup.countLimit", options.integer("count", 1000))
                .put("signup.secondsLimit", options.decimal("seconds", 30))
                .put("signup.seconds", result.seconds())
                .put("signup.rate", result.rate());
        result.latencies().putInto(fragment, "signup.latency");
        result.outcomes().putInto(fragment, "signup");
        fragment.appendTo(options.path("out"));
    }

    static void signupOpen(Options options) throws Exception {
        Fragment fragment = openLoop(options, options.string("prefix", "replication"), null);
        fragment.appendTo(options.path("out"));
    }

    /**
     * Scenario 2's load (and the peer's): signups at a fixed rate; with {@code --commits-db …} the leads' commits in
     * Sales are listened to ({@link LeadCommits}) and {@code <prefix>.outside.*} is the answer → lead committed
     * latency of every accepted signup, observed outside both apps. {@code before} runs once the listener listens.
     */
    static Fragment openLoop(Options options, String prefix, Runnable before) throws Exception {
        Http http = new Http();
        var settings = new OpenLoopSignups.Settings(options.loopbackUrl("url"), options.decimal("rate", 100),
                options.integer("count", 1000), options.decimal("seconds", 30), options.integer("visitors", 20),
                options.string("run-id", Long.toString(System.currentTimeMillis(), 36)));
        Optional<LeadCommits.Source> source = LeadCommits.Source.of(options, "commits");
        LeadCommits commits = source.isPresent() ? new LeadCommits(source.get()) : null;
        try {
            if (before != null) {
                before.run();
            }
            var result = OpenLoopSignups.run(http, settings);
            Fragment fragment = new Fragment()
                    .put(prefix + ".rate", settings.rate())
                    .put(prefix + ".visitors", settings.visitors())
                    .put(prefix + ".sent", result.sent())
                    .put(prefix + ".sendSeconds", result.seconds())
                    .put(prefix + ".sendRate", result.sendRate());
            result.latencies().putInto(fragment, prefix + ".http");
            result.outcomes().putInto(fragment, prefix);
            if (commits != null) {
                long waited = commits.awaitAll(result.answeredAt().keySet(),
                        Duration.ofSeconds(options.integer("commits-wait-seconds", 60)));
                CommitLatencies.match(result.answeredAt(), commits.committedAt()).putInto(fragment, prefix + ".outside");
                fragment.put(prefix + ".outside.waitedMs", waited);
            }
            return fragment;
        } finally {
            if (commits != null) {
                commits.close();
            }
        }
    }

    /** {@code name=value|name=value}; every value must match {@code valuePattern}. */
    static Map<String, String> pairs(String option, String text, String valuePattern) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return pairs;
        }
        for (String pair : text.split("\\|")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length != 2 || !nameAndValue[1].matches(valuePattern)) {
                throw new IllegalArgumentException("--" + option + " expects name=value|name=value, got " + pair);
            }
            pairs.put(nameAndValue[0], nameAndValue[1]);
        }
        return pairs;
    }

    static void pages(Options options) throws IOException, InterruptedException {
        Map<String, String> pages = pairs("pages", options.string("pages"), "/.*");
        var settings = new BackOfficePages.Settings(options.loopbackUrl("url"), options.string("user"),
                options.string("password"), pages, options.integer("warmup", 5), options.integer("iterations", 50),
                options.decimal("seconds-per-page", 60), pairs("expect", options.string("expect", ""), "PR-\\d+"));
        Fragment fragment = new Fragment().put("pages.iterations", settings.iterations());
        BackOfficePages.run(new Http(), settings).forEach((name, result) -> {
            String prefix = "pages." + name;
            fragment.put(prefix + ".path", result.path()).put(prefix + ".bytes", result.bytes());
            if (result.expected() != null) {
                fragment.put(prefix + ".expected", result.expected()).put(prefix + ".found", result.found());
            }
            result.latencies().putInto(fragment, prefix);
            result.outcomes().putInto(fragment, prefix);
        });
        fragment.appendTo(options.path("out"));
    }

    static void initialSync(Options options) throws IOException, InterruptedException {
        var settings = new ConsoleSync.Settings(options.loopbackUrl("url"), options.string("user"),
                options.string("password"), options.string("map"), options.decimal("seconds", 600),
                options.integer("poll-ms", 1000), options.path("progress"));
        Fragment fragment = new Fragment();
        ConsoleSync.figures(settings, ConsoleSync.run(new Http(), settings)).forEach(fragment::put);
        fragment.appendTo(options.path("out"));
    }

    /** Percentiles of values measured elsewhere, e.g. replication latencies read from the Sales database. */
    static void histogram(Options options) throws IOException {
        Latencies latencies = new Latencies();
        for (String line : Files.readAllLines(options.path("in"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                latencies.recordMicros(Math.round(Double.parseDouble(line.trim()) * 1000));
            }
        }
        Fragment fragment = new Fragment();
        latencies.putInto(fragment, options.string("prefix"));
        fragment.appendTo(options.path("out"));
    }

}
