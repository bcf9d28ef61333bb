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
            Map<String, Object> values) {
    }

    /** The scenarios, in the order of the table; {@link #rows(Map)} makes exactly one row for each. */
    static final List<String> SCENARIO_IDS = List.of("baseline", "signup", "replication", "drain", "pages.first",
            "pages.status", "pages.company", "pages.email", "pages.name", "pages.page500", "startup.commerce",
            "startup.sales", "memory.commerce", "memory.sales", "initial-sync");

    static final Map<String, String> PAGE_TITLES = Map.of(
            "first", "All prospects: first page",
            "status", "All prospects: status filter (NEW)",
            "company", "All prospects: search by company",
            "email", "All prospects: search by email",
            "name", "All prospects: search by contact name",
            "page500", "All prospects: page 500");

    private final Map<String, String> raw;

    private Report(Map<String, String> raw) {
        this.raw = raw;
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
        String value = raw.get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String text(String key, String fallback) {
        String value = raw.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private String n(String key) {
        return num(key).map(Report::fmt).orElse("?");
    }

    private String n0(String key) {
        return num(key).map(v -> String.format(Locale.ROOT, "%,d", Math.round(v))).orElse("?");
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
        return num(key).isPresent();
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

    private Optional<Double> ratio(String key) {
        Optional<Double> baseline = num("baseline.signupTps");
        return num(key).flatMap(v -> baseline.filter(b -> b > 0).map(b -> v / b));
    }

    private static String verdict(boolean ok) {
        return ok ? PASS : FAIL;
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
            case "signup" -> signup();
            case "replication" -> replication();
            case "drain" -> drain();
            case "initial-sync" -> initialSync();
            default -> throw new IllegalStateException(id);
        };
    }

    private Row notRun(String id, String scenario, String target) {
        return new Row(id, scenario, "—", text(id + ".skipped", "not measured in this run"), target, NOT_RUN,
                values(id));
    }

    private Row baseline() {
        String scenario = "Same-run baseline: pgbench, the inserts and commits of one replicated signup";
        if (!has("baseline.signupTps")) {
            return notRun("baseline", scenario, "—");
        }
        String load = "pgbench " + n0("baseline.clients") + " clients × " + n0("baseline.seconds")
                + " s per database, on copies of the real tables";
        String figures = "Commerce tx (prospect + outbox + sequence + timeline + mail) " + n("baseline.commerceTps")
                + "/s; Sales tx (inbox + lead + link + timeline) " + n("baseline.salesTps")
                + "/s; both, one after the other: **" + n("baseline.signupTps") + " replicated signups/s**"
                + (has("baseline.salesTpsOneClient") ? "; Sales tx with 1 client (a strictly serial pipeline): "
                        + n("baseline.salesTpsOneClient") + "/s" : "");
        return new Row("baseline", scenario, load, figures, "—", REFERENCE, values("baseline"));
    }

    private Row signup() {
        String scenario = "1. Signup POST sustained (closed loop)";
        String target = "≥ 300 signups/s, p99 < 100 ms, 0 errors";
        if (!has("signup.rate")) {
            return notRun("signup", scenario, target);
        }
        String load = n0("signup.users") + " users, " + n0("signup.ok") + " signups in " + n("signup.seconds")
                + " s (limits " + n0("signup.countLimit") + " signups / " + n0("signup.secondsLimit") + " s), after "
                + n0("signup.warmup.ok") + " warm-up signups";
        Optional<Double> ratio = ratio("signup.rate");
        String figures = "**" + n("signup.rate") + " signups/s**; POST " + latency("signup.latency") + "; errors "
                + n0("signup.errors") + (num("signup.errors").orElse(0.0) > 0 ? " " + text("signup.errorKinds", "") : "")
                + ratio.map(r -> "; " + fmt(r) + " × baseline").orElse("")
                + (has("signup.mail.p50") ? "; \"application received\" mail sent " + n("signup.mail.p50")
                        + " ms (p50) / " + n("signup.mail.p99") + " ms (p99) after the signup" : "")
                + cpu("signup", "replicated signup");
        boolean ok = num("signup.rate").orElse(0.0) >= 300 && num("signup.latency.p99").orElse(1e9) < 100
                && num("signup.errors").orElse(1.0) == 0 && num("signup.ok").orElse(0.0) > 0;
        Map<String, Object> values = values("signup");
        ratio.ifPresent(r -> values.put("ratioToBaseline", round(r)));
        return new Row("signup", scenario, load, figures, target, verdict(ok), values);
    }

    private Row replication() {
        String scenario = "2. Replication latency, prospect commit → lead commit (open loop)";
        String target = "p50 < 50 ms, p99 < 300 ms";
        if (!has("replication.commit.samples")) {
            return notRun("replication", scenario, target);
        }
        String load = n0("replication.sent") + " signups at " + n0("replication.rate") + "/s (achieved "
                + n("replication.sendRate") + "/s), " + n0("replication.visitors") + " visitors";
        String figures = "**" + latency("replication.commit") + "** over " + n0("replication.commit.samples")
                + " events (Sales `dualwrite_inbox.applied_at − occurred_at`); last lead exists "
                + n0("replication.lastLeadAfterMs") + " ms after the last signup answer; signup POST "
                + latency("replication.http") + ", errors " + n0("replication.errors");
        boolean complete = num("replication.commit.samples").orElse(0.0) >= num("replication.ok").orElse(1e12);
        boolean ok = complete && num("replication.commit.p50").orElse(1e9) < 50
                && num("replication.commit.p99").orElse(1e9) < 300 && num("replication.errors").orElse(1.0) == 0;
        return new Row("replication", scenario, load, figures, target, verdict(ok), values("replication"));
    }

    private Row drain() {
        String scenario = "3. Backlog drain after a Sales outage";
        String target = "≥ 2,000 events/s and ≥ 0.5 × baseline";
        if (!has("drain.rate")) {
            return notRun("drain", scenario, target);
        }
        String load = n0("drain.events") + " waiting events (" + text("drain.method", "?") + "; inserted in "
                + n("drain.insertSeconds") + " s)" + (raw.containsKey("drain.note") ? "; " + raw.get("drain.note") : "");
        Optional<Double> ratio = ratio("drain.rate");
        boolean complete = "true".equals(raw.get("drain.complete"));
        String figures = "**" + n("drain.rate") + " events/s** (" + n0("drain.delivered") + " delivered in "
                + n("drain.seconds") + " s" + (complete ? ", backlog empty" : ", NOT drained within the time bound")
                + "; " + n0("drain.leads") + " leads; best " + n("drain.peakRate") + "/s over "
                + n0("drain.sampleMs") + " ms)" + ratio.map(r -> "; " + fmt(r) + " × baseline").orElse("")
                + cpu("drain", "event");
        boolean ok = complete && num("drain.rate").orElse(0.0) >= 2000 && ratio.orElse(0.0) >= 0.5;
        Map<String, Object> values = values("drain");
        ratio.ifPresent(r -> values.put("ratioToBaseline", round(r)));
        return new Row("drain", scenario, load, figures, target, verdict(ok), values);
    }

    /** 1,000,000 records in 5 minutes: the rate any size of the scenario is held to. */
    static final double SYNC_RATE_TARGET = 1_000_000 / 300.0;

    private Row initialSync() {
        String scenario = "6. Initial sync of " + (has("sync.customers") ? n0("sync.customers") : "N")
                + " organisation customers to Sales (customers-to-accounts)";
        String target = "1,000,000 in < 5 min (≥ 3,334 records/s end to end), heap < 512 MB, progress visible";
        if (!has("sync.startedAtEpochMs")) {
            return notRun("initial-sync", scenario, target);
        }
        String load = n0("sync.customers") + " organisation customers inserted by SQL in " + n("sync.insertSeconds")
                + " s (" + n0("sync.organisations") + " in all); sync started by `admin` on the Commerce console (HTTP"
                + " form with CSRF), its progress read on the console every second"
                + (raw.containsKey("sync.note") ? "; " + raw.get("sync.note") : "");
        boolean complete = "true".equals(raw.get("sync.complete"));
        boolean done = "DONE".equals(raw.get("sync.state"));
        double heapMax = Math.max(num("sync.commerce.heapMaxMb").orElse(1e9), num("sync.sales.heapMaxMb").orElse(1e9));
        boolean visible = num("sync.partialReadings").orElse(0.0) > 0;
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
        boolean ok = complete && done && num("sync.rate").orElse(0.0) >= SYNC_RATE_TARGET && heapMax < 512 && visible;
        return new Row("initial-sync", scenario, load, figures, target, verdict(ok), values("sync"));
    }

    private Row page(String id) {
        String name = id.substring("pages.".length());
        String scenario = "4. " + PAGE_TITLES.get(name);
        String target = "p95 < 50 ms";
        if (!has(id + ".p95")) {
            return notRun(id, scenario, target);
        }
        String load = "`" + text(id + ".path", "?") + "` with " + n0("pages.rows") + " prospects, "
                + n0(id + ".samples") + " requests by 1 signed-in user after warm-up";
        String figures = "**p95 " + n(id + ".p95") + " ms** (" + latency(id) + "); " + n0(id + ".bytes")
                + " bytes; errors " + n0(id + ".errors");
        boolean ok = num(id + ".p95").orElse(1e9) < 50 && num(id + ".errors").orElse(1.0) == 0;
        Map<String, Object> values = values(id);
        return new Row(id, scenario, load, figures, target, verdict(ok), values);
    }

    private Row startup(String id) {
        String app = id.substring("startup.".length());
        String scenario = "5. Start-up of the packaged " + capitalize(app) + " app to ready";
        String target = "< 3 s";
        if (!has(id + ".ms")) {
            return notRun(id, scenario, target);
        }
        String load = "`java -jar quarkus-run.jar` (" + text(id + ".jvm", "default JVM options")
                + "), fresh database (Flyway migrations included)";
        String figures = "**" + n0(id + ".ms") + " ms** from process start to `/q/health/ready` 200"
                + (has(id + ".cpuMs") ? " (" + n0(id + ".cpuMs") + " ms of CPU time used by then)" : "");
        return new Row(id, scenario, load, figures, target, verdict(num(id + ".ms").orElse(1e9) < 3000), values(id));
    }

    private Row memory(String id) {
        String app = id.substring("memory.".length());
        String scenario = "5. Memory of " + capitalize(app) + " (RSS from /proc, heap from /q/metrics)";
        String target = "RSS < 300 MB after load";
        if (!has(id + ".rssAfterMb")) {
            return notRun(id, scenario, target);
        }
        String load = "sampled every " + text("memory.intervalSeconds", "?") + " s during the run ("
                + n0(id + ".samples") + " samples), then after the load";
        String figures = "**RSS after load " + n0(id + ".rssAfterMb") + " MB** (max during run " + n0(id + ".rssMaxMb")
                + " MB); heap used after load " + n0(id + ".heapAfterMb") + " MB (max " + n0(id + ".heapMaxMb")
                + " MB), heap committed " + n0(id + ".heapCommittedAfterMb") + " MB (max " + n0(id + ".heapCommittedMaxMb")
                + " MB), non-heap used " + n0(id + ".nonHeapAfterMb") + " MB";
        return new Row(id, scenario, load, figures, target, verdict(num(id + ".rssAfterMb").orElse(1e9) < 300),
                values(id));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---- output ----

    static final String TABLE_HEADER = "| scenario | load | figures | target | result |";

    String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results (").append(text("run.mode", "?")).append(" mode)\n\n");
        md.append("Run ").append(text("run.startedAt", "?")).append(" on ").append(text("run.host", "?"))
                .append("; load average at start ").append(text("run.loadavg.start", "?")).append(", at end ")
                .append(text("run.loadavg.end", "?")).append(". Written by `bench/run.sh")
                .append("quick".equals(raw.get("run.mode")) ? " --quick" : "").append("`; every figure is also in `latest.json`.\n\n");
        md.append(TABLE_HEADER).append('\n');
        md.append("| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            md.append("| ").append(cell(row.scenario())).append(" | ").append(cell(row.load())).append(" | ")
                    .append(cell(row.figures())).append(" | ").append(cell(row.target())).append(" | ")
                    .append(row.result().equals(PASS) || row.result().equals(FAIL) ? "**" + row.result() + "**" : row.result())
                    .append(" |\n");
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

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    String json(List<Row> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>(values("run"));
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
