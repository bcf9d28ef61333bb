package onboarding.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the figures of a run (every {@code *.properties} fragment in the work directory, plus the memory
 * samples in {@code mem.tsv}) into a table with one row per scenario: what load, what figures, the target and
 * whether it was met. A scenario that did not run still has its row, marked "not run".
 */
final class Report {

    static final String PASS = "PASS";
    static final String FAIL = "FAIL";
    static final String NOT_RUN = "not run";
    static final String REFERENCE = "reference";

    /** One line of the table. */
    record Row(String id, String scenario, String load, String figures, String target, String result,
            List<String> failures, Map<String, Object> values) {
    }

    /** The scenarios, in the order of the table; {@link #rows(Map)} makes exactly one row for each. */
    static final List<String> SCENARIO_IDS = List.of(
            "baseline",
            "signup",
            "replication",
            "replication.db",
            "baseline.drain",
            "drain",
            "peer",
            "pages.first",
            "pages.status",
            "pages.company",
            "pages.email",
            "pages.name",
            "pages.page500",
            "startup.commerce",
            "startup.sales",
            "memory.commerce",
            "memory.sales",
            "initial-sync");

    static final Map<String, String> PAGE_TITLES = Map.of(
            "first", "All prospects: first page",
            "status", "All prospects: status filter (NEW)",
            "company", "All prospects: search by company",
            "email", "All prospects: search by email",
            "name", "All prospects: search by contact name",
            "page500", "All prospects: page 500");

    private final Map<String, String> raw;
    private final Figures f;

    Report(Map<String, String> raw) {
        this.raw = raw;
        this.f = new Figures(raw);
    }

    static void write(Path work, Path md, Path json) throws IOException {
        Map<String, String> raw = Fragment.readAll(work);
        Path memory = work.resolve("mem.tsv");
        if (Files.isRegularFile(memory)) {
            raw.putAll(memorySummary(Files.readAllLines(memory, StandardCharsets.UTF_8)));
        }
        Report report = new Report(raw);
        List<Row> rows = report.rows();
        Files.createDirectories(md.toAbsolutePath().getParent());
        Files.writeString(md, report.markdown(rows), StandardCharsets.UTF_8);
        Files.writeString(json, report.json(rows), StandardCharsets.UTF_8);
        System.out.println(report.markdown(rows));
    }

    /** Max RSS and heap per app over the samples ({@code epochMs app rssKb heapUsed heapCommitted nonHeapUsed}, tabs). */
    static Map<String, String> memorySummary(List<String> lines) {
        Map<String, double[]> max = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length < 4 || !f[0].matches("\\d+")) {
                continue;
            }
            double[] m = max.computeIfAbsent(f[1], k -> new double[4]);
            m[0] = Math.max(m[0], parse(f[2]) / 1024.0);
            m[1] = Math.max(m[1], parse(f[3]) / 1024.0 / 1024.0);
            m[2]++;
            if (f.length > 4) {
                m[3] = Math.max(m[3], parse(f[4]) / 1024.0 / 1024.0);
            }
        }
        Map<String, String> summary = new LinkedHashMap<>();
        max.forEach((app, m) -> {
            summary.put("memory." + app + ".rssMaxMb", Fragment.format(m[0]));
            summary.put("memory." + app + ".heapMaxMb", Fragment.format(m[1]));
            summary.put("memory." + app + ".samples", Fragment.format((long) m[2]));
            summary.put("memory." + app + ".heapCommittedMaxMb", Fragment.format(m[3]));
        });
        return summary;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- reading figures ----

    private Optional<Double> num(String key) {
        return f.num(key);
    }

    private String text(String key, String fallback) {
        return f.text(key, fallback);
    }

    private String n(String key) {
        return num(key).map(Report::fmt).orElse("?");
    }

    private String n0(String key) {
        return num(key).map(Report::fmt0).orElse("?");
    }

    static String fmt0(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    static String fmt(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private boolean has(String key) {
        return f.has(key);
    }

    private Map<String, Object> values(String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                values.put(k.substring(prefix.length() + 1), jsonValue(v));
            }
        });
        return values;
    }

    private String latency(String prefix) {
        return "p50 " + n(prefix + ".p50") + " / p95 " + n(prefix + ".p95") + " / p99 " + n(prefix + ".p99")
                + " / max " + n(prefix + ".max") + " ms";
    }

    /** "CPU per item: Commerce a + Sales b + PostgreSQL c ms (at most N/s on the machine's cores)". */
    private String cpu(String prefix, String item) {
        Optional<Double> total = num(prefix + ".cpu.totalMs");
        Optional<Double> count = num(prefix + ".cpu.perItemMs").flatMap(per -> total.map(t -> t / per));
        if (total.isEmpty() || num(prefix + ".cpu.perItemMs").isEmpty() || count.orElse(0.0) <= 0) {
            return "";
        }
        double per = num(prefix + ".cpu.perItemMs").get();
        double c = count.get();
        String text = "; CPU per " + item + ": Commerce " + fmt(num(prefix + ".cpu.commerceMs").orElse(0.0) / c)
                + " + Sales " + fmt(num(prefix + ".cpu.salesMs").orElse(0.0) / c) + " + PostgreSQL "
                + fmt(num(prefix + ".cpu.postgresMs").orElse(0.0) / c) + " = " + fmt(per) + " ms";
        return num("run.cores").filter(cores -> per > 0)
                .map(cores -> text + " (if CPU-bound, " + n0("run.cores") + " free cores sustain "
                        + fmt(cores * 1000 / per) + "/s end to end)")
                .orElse(text);
    }

    private static String times(Optional<Double> ratio, String baseline) {
        return ratio.map(r -> "; **" + fmt(r) + " × " + baseline + "**").orElse("; no " + baseline);
    }

    // ---- the rows ----

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String id : SCENARIO_IDS) {
            rows.add(row(id));
        }
        return rows;
    }

    static List<Row> rows(Map<String, String> raw) {
        return new Report(raw).rows();
    }

    private Row row(String id) {
        if (id.startsWith("pages.")) {
            return page(id);
        }
        if (id.startsWith("startup.")) {
            return startup(id);
        }
        if (id.startsWith("memory.")) {
            return memory(id);
        }
        return switch (id) {
            case "baseline" -> baseline();
            case "baseline.drain" -> drainBaseline();
            case "signup" -> signup();
            case "replication" -> replication();
            case "replication.db" -> replicationInDatabase();
            case "drain" -> drain();
            case "peer" -> peer();
            case "initial-sync" -> initialSync();
            default -> throw new IllegalStateException(id);
        };
    }

    private Row row(String id, String scenario, String load, String figures, String target, Verdict verdict,
            Map<String, Object> values) {
        return new Row(id, scenario, load, figures, target, verdict.result(), verdict.failures(), values);
    }

    private Row notRun(String id, String scenario, String target) {
        return new Row(id, scenario, "—", text(id + ".skipped", "not measured in this run"), target, NOT_RUN,
                List.of(), values(id));
    }

    private Row baseline() {
        String scenario = "Baseline of scenario 1: pgbench, the inserts and commits of one replicated signup";
        if (!has("baseline.signupTps")) {
            return notRun("baseline", scenario, "—");
        }
        String load = "pgbench " + n0("baseline.clients") + " clients × " + n0("baseline.seconds")
                + " s per database, on copies of the real tables";
        String figures = "Commerce tx (prospect + outbox + sequence + timeline + mail) " + n("baseline.commerceTps")
                + "/s; Sales tx (inbox + lead + link + timeline + inbox result) " + n("baseline.salesTps")
                + "/s; both, one after the other: **" + n("baseline.signupTps") + " replicated signups/s**"
                + (has("baseline.salesTpsOneClient") ? "; Sales tx with 1 client (a strictly serial pipeline): "
                        + n("baseline.salesTpsOneClient") + "/s" : "")
                + ". Not in it: the relay's claim and acknowledgement, HTTP, JSON, the mail's sending";
        return new Row("baseline", scenario, load, figures, "—", REFERENCE, List.of(), values("baseline"));
    }

    private Row drainBaseline() {
        String scenario = "Baseline of scenario 3: pgbench, the database work of delivering one batch";
        if (!has("baseline.drain.batch")) {
            return notRun("baseline.drain", scenario, "—");
        }
        Verdict valid = Rules.drainBaselineRule(f);
        String load = "pgbench " + n0("baseline.drain.clients") + " clients (the relay's lanes) × "
                + n0("baseline.drain.transactionsPerClient") + " batches of " + n0("baseline.drain.batch")
                + " events (the relay's batch size) per database, on copies of the real tables holding "
                + n0("baseline.drain.poolEvents") + " waiting events";
        String figures = "Commerce, per batch: the claim (the relay's UPDATE … FOR UPDATE SKIP LOCKED, its own"
                + " transaction), then links + prospects marked replicated + timeline entries + outbox rows DELIVERED"
                + " (one transaction), + the per-minute count: " + n("baseline.drain.commerceBatchTps")
                + " batches/s; Sales, per batch: duplicate check + lead lookup + leads + links + timeline entries +"
                + " inbox rows (one transaction), + the per-minute count: " + n("baseline.drain.salesBatchTps")
                + " batches/s; both, one after the other: **"
                + Rules.drainBaseline(f).map(Report::fmt).orElse("?") + " events/s**; Sales alone (the same work as"
                + " the peer's delivery): " + Rules.salesOnlyBaseline(f).map(Report::fmt).orElse("?") + " events/s."
                + " Set-based: one statement per table where the app sends the prospects' updates as a JDBC batch of "
                + n0("baseline.drain.batch") + " statements; not in it: HTTP, JSON, Hibernate";
        return new Row("baseline.drain", scenario, load, figures, "every transaction a whole batch",
                valid.pass() ? REFERENCE : FAIL, valid.failures(), values("baseline.drain"));
    }

    private Row signup() {
        String scenario = "1. Signup POST sustained (closed loop)";
        String target = Rules.SIGNUP_TARGET;
        if (!has("signup.rate")) {
            return notRun("signup", scenario, target);
        }
        String load = n0("signup.users") + " users, " + n0("signup.ok") + " signups in " + n("signup.seconds")
                + " s (limits " + n0("signup.countLimit") + " signups / " + n0("signup.secondsLimit") + " s), after "
                + n0("signup.warmup.ok") + " warm-up signups";
        Optional<Double> ratio = Ratios.ratio(num("signup.rate"), num("baseline.signupTps"));
        String figures = "**" + n("signup.rate") + " signups/s**; POST " + latency("signup.latency") + "; errors "
                + n0("signup.errors") + (num("signup.errors").orElse(0.0) > 0 ? " " + text("signup.errorKinds", "") : "")
                + times(ratio, "the baseline of scenario 1")
                + "; after the replication: " + n0("signup.prospects") + " prospects in Commerce and " + n0("signup.leads")
                + " leads in Sales for the " + n0("signup.accepted") + " accepted signups (warm-up included)"
                + (has("signup.mail.p50") ? "; \"application received\" mail sent " + n("signup.mail.p50")
                        + " ms (p50) / " + n("signup.mail.p99") + " ms (p99) after the signup (mock mailer)" : "")
                + cpu("signup", "replicated signup");
        Map<String, Object> values = values("signup");
        ratio.ifPresent(r -> values.put("ratioToBaseline", round(r)));
        return row("signup", scenario, load, figures, target, Rules.signup(f), values);
    }

    private Row replication() {
        String scenario = "2. Replication latency, signup answer → lead committed in Sales, seen outside both apps"
                + " (open loop)";
        String target = Rules.REPLICATION_TARGET;
        if (!has("replication.ok")) {
            return notRun("replication", scenario, target);
        }
        String load = n0("replication.sent") + " signups at " + n0("replication.rate") + "/s (achieved "
                + n("replication.sendRate") + "/s), " + n0("replication.visitors") + " visitors";
        String figures = "**" + latency("replication.outside") + "** over " + n0("replication.outside.samples")
                + " of " + n0("replication.ok") + " accepted signups: from the 303 answer's arrival at the load"
                + " generator to the arrival of the `pg_notify` a trigger on Sales' `lead` sends (delivered at commit)"
                + " on the load generator's `LISTEN` connection; not seen: " + n0("replication.outside.missing")
                + "; committed before the answer arrived: " + n0("replication.outside.beforeAnswer")
                + "; signup POST " + latency("replication.http") + ", errors " + n0("replication.errors");
        return row("replication", scenario, load, figures, target, Rules.replication(f), values("replication"));
    }

    private Row replicationInDatabase() {
        String scenario = "2. The same events in the database: Sales `applied_at − occurred_at`, two transaction"
                + " start times";
        if (!has("replication.commit.samples")) {
            return notRun("replication.db", scenario, "—");
        }
        String figures = latency("replication.commit") + " over " + n0("replication.commit.samples")
                + " events: `occurred_at` is `now()` in the signup transaction, `applied_at` `now()` in the inbox"
                + " transaction, both taken when their transaction began (leaves out the signup's commit, the apply"
                + " and Sales' commit); last lead created " + n0("replication.lastLeadAfterMs")
                + " ms after the last signup answer";
        return new Row("replication.db", scenario, "scenario 2's events", figures, "—", REFERENCE, List.of(),
                values("replication.commit"));
    }

    private Row drain() {
        String scenario = "3. Backlog drain after a Sales outage";
        String target = Rules.DRAIN_TARGET;
        if (!has("drain.rate")) {
            return notRun("drain", scenario, target);
        }
        String load = n0("drain.events") + " waiting events (" + text("drain.method", "?") + "; inserted in "
                + n("drain.insertSeconds") + " s)" + (raw.containsKey("drain.note") ? "; " + raw.get("drain.note") : "");
        Optional<Double> ratio = Ratios.ratio(num("drain.rate"), Rules.drainBaseline(f));
        boolean complete = f.flag("drain.complete");
        String figures = "**" + n("drain.rate") + " events/s** (backlog " + (complete ? "empty" : "NOT empty") + " after "
                + n("drain.seconds") + " s; best " + n("drain.peakRate") + "/s over " + n0("drain.sampleMs") + " ms)"
                + times(ratio, "the same-work baseline")
                + "; counted after the drain: " + n0("drain.leads") + " leads and " + n0("drain.inboxRows")
                + " inbox rows in Sales, " + n0("drain.deliveredRows") + " outbox rows DELIVERED, "
                + n0("drain.deadRows") + " DEAD, " + n0("drain.skippedRows") + " SKIPPED in Commerce"
                + cpu("drain", "event");
        Map<String, Object> values = values("drain");
        ratio.ifPresent(r -> values.put("ratioToBaseline", round(r)));
        return row("drain", scenario, load, figures, target, Rules.drain(f), values);
    }

    private Row peer() {
        String scenario = "Peer: Debezium's outbox pattern (Debezium Embedded " + text("peer.debeziumVersion", "?")
                + ", PostgreSQL connector, pgoutput) beside our relay";
        String target = Rules.PEER_TARGET;
        if (raw.containsKey("peer.error")) {
            return new Row("peer", scenario, "—", "did not run: " + raw.get("peer.error"), target,
                    NOT_RUN, List.of(), values("peer"));
        }
        if (!has("peer.latency.ok") && !has("peer.drain.events")) {
            return notRun("peer", scenario, target);
        }
        String load = "Commerce (relay off) on a PostgreSQL cluster of the bench (" + text("peer.cluster", "?")
                + "), Debezium reading `dualwrite_outbox` (slot + publication, batches of " + n0("peer.batchSize")
                + ", poll " + n0("peer.pollMs") + " ms) and posting each batch, signed, in the relay's envelope to the"
                + " same Sales inbox; latency: " + n0("peer.latency.sent") + " signups at " + n0("peer.latency.rate")
                + "/s after " + n0("peer.warmup.ok") + " warm-up signups; drain: " + n0("peer.drain.events")
                + " waiting events written by the same SQL while Debezium was stopped";
        Optional<Double> salesOnly = Ratios.ratio(num("peer.drain.rate"), Rules.salesOnlyBaseline(f));
        String figures = "latency answer → lead committed (the same outside measure): **its "
                + latency("peer.latency.outside") + "** over " + n0("peer.latency.outside.samples") + " of "
                + n0("peer.latency.ok") + " (ours p99 " + n("replication.outside.p99") + " ms); drain: **its "
                + n("peer.drain.rate") + " events/s** from its first batch to Sales' last answer (" + n("peer.drain.seconds")
                + " s; " + n("peer.drain.rateFromStart") + "/s counting the " + n0("peer.drain.startToFirstBatchMs")
                + " ms from the engine's start) against **ours " + n("drain.rate") + "/s**"
                + times(salesOnly, "its same-work baseline (the Sales transaction alone)")
                + "; counted after: " + n0("peer.drain.leads") + " leads in Sales, " + n0("peer.drain.delivery.failed")
                + " failed; what it leaves out: Commerce learns nothing back (no DELIVERED mark, link, timeline note or"
                + " replication status), no per-event retry or DEAD, no paused maps";
        return row("peer", scenario, load, figures, target, Rules.peer(f), values("peer"));
    }

    private Row initialSync() {
        String scenario = "6. Initial sync of " + (has("sync.customers") ? n0("sync.customers") : "N")
                + " organisation customers to Sales (customers-to-accounts)";
        String target = Rules.SYNC_TARGET;
        if (!has("sync.startedAtEpochMs")) {
            return notRun("initial-sync", scenario, target);
        }
        String load = n0("sync.customers") + " organisation customers inserted by SQL in " + n("sync.insertSeconds")
                + " s (" + n0("sync.organisations") + " in all); sync started by `admin` on the Commerce console (HTTP"
                + " form with CSRF), its progress read on the console every second"
                + (raw.containsKey("sync.note") ? "; " + raw.get("sync.note") : "");
        boolean complete = f.flag("sync.complete");
        boolean done = "DONE".equals(raw.get("sync.state"));
        String figures = "**" + n("sync.rate") + " records/s end to end**: all " + n0("sync.accounts")
                + " accounts in Sales " + fmt(num("sync.accountsMs").orElse(0.0) / 1000) + " s after the start"
                + (complete ? "" : " (NOT all within the time bound)") + "; console "
                + text("sync.state", "?") + " " + n0("sync.done") + " / " + n0("sync.total")
                + (done ? " after " + fmt(num("sync.doneMs").orElse(0.0) / 1000) + " s (events written)" : "")
                + "; progress readings " + n0("sync.readings") + ", " + n0("sync.partialReadings")
                + " of them part-way (" + text("sync.progress", "?") + "), console page timeouts (> 15 s) "
                + n0("sync.consoleTimeouts") + "; heap max Commerce "
                + n0("sync.commerce.heapMaxMb") + " MB, Sales " + n0("sync.sales.heapMaxMb") + " MB; RSS max Commerce "
                + n0("sync.commerce.rssMaxMb") + " MB, Sales " + n0("sync.sales.rssMaxMb") + " MB"
                + cpu("sync", "record");
        return row("initial-sync", scenario, load, figures, target, Rules.initialSync(f), values("sync"));
    }

    private Row page(String id) {
        String name = id.substring("pages.".length());
        String scenario = "4. " + PAGE_TITLES.get(name);
        String target = Rules.PAGE_TARGET;
        if (!has(id + ".p95")) {
            return notRun(id, scenario, target);
        }
        String load = "`" + text(id + ".path", "?") + "` with " + n0("pages.rows") + " prospects, "
                + n0(id + ".samples") + " requests by 1 signed-in user after warm-up";
        String figures = "**p95 " + n(id + ".p95") + " ms** (" + latency(id) + "); " + n0(id + ".bytes")
                + " bytes; " + text(id + ".expected", "?") + " on " + n0(id + ".found") + " of the pages; errors "
                + n0(id + ".errors") + (num(id + ".errors").orElse(0.0) > 0 ? " " + text(id + ".errorKinds", "") : "");
        return row(id, scenario, load, figures, target, Rules.page(f, id), values(id));
    }

    private Row startup(String id) {
        String app = id.substring("startup.".length());
        String scenario = "5. Start-up of the packaged " + capitalize(app) + " app to ready";
        String target = Rules.STARTUP_TARGET;
        if (!has(id + ".ms")) {
            return notRun(id, scenario, target);
        }
        String load = "`java -jar quarkus-run.jar` (" + text(id + ".jvm", "default JVM options")
                + "), fresh database (Flyway migrations included)";
        String figures = "**" + n0(id + ".ms") + " ms** from process start to `/q/health/ready` 200"
                + (has(id + ".cpuMs") ? " (" + n0(id + ".cpuMs") + " ms of CPU time used by then)" : "");
        return row(id, scenario, load, figures, target, Rules.startup(f, id), values(id));
    }

    private Row memory(String id) {
        String app = id.substring("memory.".length());
        String scenario = "5. Memory of " + capitalize(app) + " (RSS from /proc, heap from /q/metrics)";
        String target = Rules.MEMORY_TARGET;
        if (!has(id + ".rssAfterMb")) {
            return notRun(id, scenario, target);
        }
        String load = "sampled every " + text("memory.intervalSeconds", "?") + " s during the run ("
                + n0(id + ".samples") + " samples), then after the load";
        String figures = "**RSS after load " + n0(id + ".rssAfterMb") + " MB** (max during run " + n0(id + ".rssMaxMb")
                + " MB); heap used after load " + n0(id + ".heapAfterMb") + " MB (max " + n0(id + ".heapMaxMb")
                + " MB), heap committed " + n0(id + ".heapCommittedAfterMb") + " MB (max " + n0(id + ".heapCommittedMaxMb")
                + " MB), non-heap used " + n0(id + ".nonHeapAfterMb") + " MB";
        return row(id, scenario, load, figures, target, Rules.memory(f, id), values(id));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---- the machine ----

    private Optional<Machine.Share> share(String fromKey, String toKey) {
        return Machine.parseStat(raw.get(fromKey))
                .flatMap(from -> Machine.parseStat(raw.get(toKey)).flatMap(from::until));
    }

    /** Why the run did not start on a quiet machine, if it did not. */
    Optional<String> busyAtStart() {
        return Machine.busy(Machine.load1(raw.get("run.machine.start.loadavg")), num("run.cores"),
                share("run.machine.start.stat", "run.machine.start.stat1s"));
    }

    private String machineLine() {
        Optional<Machine.Share> before = share("run.machine.start.stat", "run.machine.start.stat1s");
        Optional<Machine.Share> during = share("run.machine.start.stat1s", "run.machine.end.stat");
        return "Machine: load average (1, 5, 15 min) at start " + text("run.machine.start.loadavg", "?")
                .replaceAll("^(\\S+ \\S+ \\S+).*", "$1") + ", at end " + text("run.machine.end.loadavg", "?")
                .replaceAll("^(\\S+ \\S+ \\S+).*", "$1") + "; CPU in the second before the run "
                + before.map(s -> fmt(s.busyPercent()) + " % busy, " + fmt(s.stealPercent()) + " % stolen").orElse("?")
                + "; over the run " + during.map(s -> fmt(s.busyPercent()) + " % busy, " + fmt(s.stealPercent())
                        + " % stolen by the hypervisor").orElse("?")
                + " (`/proc/loadavg`, `/proc/stat`). A start above " + Machine.BUSY_LOAD_PER_CORE
                + " per core or " + fmt0(Machine.BUSY_PERCENT) + " % busy is a busy machine.";
    }

    // ---- output ----

    static final String TABLE_HEADER = "| scenario | load | figures | target | result |";

    String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append(title()).append("\n\n");
        md.append("Run ").append(text("run.startedAt", "?")).append(" on ").append(text("run.host", "?"))
                .append(". Written by `bench/run.sh")
                .append("quick".equals(raw.get("run.mode")) ? " --quick" : "").append("`; every figure is also in `latest.json`.\n\n");
        md.append(machineLine()).append("\n\n");
        md.append(TABLE_HEADER).append('\n');
        md.append("| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            md.append("| ").append(cell(row.scenario())).append(" | ").append(cell(row.load())).append(" | ")
                    .append(cell(row.figures())).append(" | ").append(cell(row.target())).append(" | ")
                    .append(cell(result(row))).append(" |\n");
        }
        List<String> notes = new ArrayList<>();
        new TreeMap<>(raw).forEach((k, v) -> {
            if (k.startsWith("note.")) {
                notes.add(v);
            }
        });
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    /** The report's first line: the mode, and a busy machine or a quick run said at once. */
    String title() {
        String title = "# Benchmark results (" + text("run.mode", "?") + " mode)";
        if ("quick".equals(raw.get("run.mode"))) {
            title += " — quick counts, too small for the targets";
        }
        return title + busyAtStart().map(why -> " — STARTED ON A BUSY MACHINE: " + why).orElse("");
    }

    private static String result(Row row) {
        if (!row.result().equals(PASS) && !row.result().equals(FAIL)) {
            return row.result();
        }
        return "**" + row.result() + "**" + (row.failures().isEmpty() ? "" : " (" + String.join("; ", row.failures()) + ")");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    String json(List<Row> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>(values("run"));
        run.put("busyAtStart", busyAtStart().orElse(null));
        root.put("run", run);
        List<Object> scenarios = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", row.id());
            s.put("scenario", row.scenario());
            s.put("load", row.load());
            s.put("figures", row.figures().replace("**", ""));
            s.put("target", row.target());
            s.put("result", row.result());
            s.put("failures", row.failures());
            s.put("values", row.values());
            scenarios.add(s);
        }
        root.put("scenarios", scenarios);
        List<Object> notes = new ArrayList<>();
        new TreeMap<>(raw).forEach((k, v) -> {
            if (k.startsWith("note.")) {
                notes.add(v);
            }
        });
        root.put("notes", notes);
        return Json.write(root, 0) + "\n";
    }

    private static Object jsonValue(String value) {
        if (value.matches("-?\\d+")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (value.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    /** Just enough JSON writing for the report: maps, lists, strings, numbers, booleans. */
    static final class Json {
        private Json() {
        }

        static String write(Object value, int indent) {
            String pad = "  ".repeat(indent + 1);
            String end = "  ".repeat(indent);
            if (value instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    return "{}";
                }
                List<String> parts = new ArrayList<>();
                map.forEach((k, v) -> parts.add(pad + string(String.valueOf(k)) + ": " + write(v, indent + 1)));
                return "{\n" + String.join(",\n", parts) + "\n" + end + "}";
            }
            if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    return "[]";
                }
                Function<Object, String> item = v -> pad + write(v, indent + 1);
                return "[\n" + String.join(",\n", list.stream().map(item).toList()) + "\n" + end + "]";
            }
            if (value instanceof Double d) {
                return Double.isFinite(d) ? String.valueOf(d) : "null";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            return value == null ? "null" : string(String.valueOf(value));
        }

        static String string(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
