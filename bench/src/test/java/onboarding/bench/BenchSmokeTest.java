package onboarding.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the harness: the load generator's commands against a tiny in-process stand-in of Commerce,
 * then the report. Checks counts and the report's shape, never a duration or a rate.
 */
class BenchSmokeTest {

    @TempDir
    Path work;

    @Test
    void loadCommandsAndReport() throws Exception {
        Path figures = work.resolve("figures");
        try (FakeCommerce commerce = new FakeCommerce()) {
            Bench.main(new String[] { "signup-closed", "--url", commerce.url(), "--users", "3", "--count", "30",
                    "--seconds", "60", "--warmup", "3", "--run-id", "smoke", "--out", figures.resolve("signup.properties").toString() });
            assertEquals(3 + 3, commerce.signupPages.get(), "one signup page per virtual user, warm-up included");
            assertEquals(33, commerce.accepted.get(), "every signup carries the CSRF cookie and field and a new email");
            assertEquals(0, commerce.refused.get());

            Bench.main(new String[] { "signup-open", "--url", commerce.url(), "--rate", "200", "--count", "20",
                    "--seconds", "60", "--visitors", "2", "--run-id", "smoke2", "--out", figures.resolve("replication.properties").toString() });
            assertEquals(53, commerce.accepted.get());
            assertEquals(0, commerce.refused.get());

            Bench.main(new String[] { "pages", "--url", commerce.url(), "--user", "hq", "--password", "hq-demo",
                    "--pages", "first=/hq/prospects|page500=/hq/prospects?page=500", "--expect", "first=PR-000001|page500=PR-012476",
                    "--warmup", "1", "--iterations", "4",
                    "--out", figures.resolve("pages.properties").toString() });
            assertEquals(2 * (1 + 4), commerce.backOfficePages.get());

            Bench.main(new String[] { "initial-sync", "--url", commerce.url(), "--user", "admin", "--password",
                    "admin-demo", "--map", "customers-to-accounts", "--seconds", "60", "--poll-ms", "1",
                    "--progress", work.resolve("sync-progress.tsv").toString(),
                    "--out", figures.resolve("sync.properties").toString() });
            assertEquals(1, commerce.syncsStarted.get(), "started once, with session, CSRF cookie and field");
            assertEquals(List.of("RUNNING 0/10", "RUNNING 4/10", "RUNNING 8/10", "DONE 10/10"),
                    Files.readAllLines(work.resolve("sync-progress.tsv")).stream()
                            .map(line -> line.split("\t")).map(f -> f[3] + " " + f[1] + "/" + f[2]).toList());
        }
        Path latencies = work.resolve("latencies.txt");
        Files.writeString(latencies, "12.5\n30\n7.25\n");
        Bench.main(new String[] { "histogram", "--in", latencies.toString(), "--prefix", "replication.commit",
                "--out", figures.resolve("replication.properties").toString() });
        Files.writeString(figures.resolve("run.properties"), "run.mode=smoke\nrun.startedAt=now\nbaseline.signupTps=500\n"
                + "startup.commerce.ms=2500\nmemory.commerce.rssAfterMb=250\nmemory.intervalSeconds=2\n"
                + "note.1=a note with | a pipe\n");
        Files.writeString(figures.resolve("mem.tsv"), "1\tcommerce\t204800\t104857600\n2\tcommerce\t256000\t52428800\n");

        Path md = work.resolve("latest.md");
        Path json = work.resolve("latest.json");
        Bench.main(new String[] { "report", "--work", figures.toString(), "--md", md.toString(), "--json", json.toString() });

        Map<String, String> raw = Fragment.readAll(figures);
        assertEquals("30", raw.get("signup.ok"));
        assertEquals("0", raw.get("signup.errors"));
        assertEquals("20", raw.get("replication.ok"));
        assertEquals("3", raw.get("replication.commit.samples"));
        assertEquals("4", raw.get("pages.first.ok"));
        assertEquals("4", raw.get("pages.first.found"), "the expected prospect on every page");
        assertEquals("0", raw.get("pages.page500.found"), "a page without the expected prospect");
        assertEquals("4", raw.get("pages.page500.errors"), "counts as an error, not as a sample");
        assertEquals("10", raw.get("sync.total"));

        String markdown = Files.readString(md, StandardCharsets.UTF_8);
        List<String> lines = markdown.lines().toList();
        int header = lines.indexOf(Report.TABLE_HEADER);
        assertTrue(header >= 0, "table header in\n" + markdown);
        assertTrue(lines.get(header + 1).startsWith("| --- |"));
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }
        assertEquals(Report.SCENARIO_IDS.size(), rows.size(), "one row per scenario:\n" + markdown);
        for (String row : rows) {
            assertEquals(7, row.split("(?<!\\\\)\\|", -1).length, "five cells in " + row);
        }

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode scenarios = root.get("scenarios");
        assertEquals(Report.SCENARIO_IDS.size(), scenarios.size());
        for (int i = 0; i < scenarios.size(); i++) {
            JsonNode s = scenarios.get(i);
            assertEquals(Report.SCENARIO_IDS.get(i), s.get("id").asText());
            for (String field : List.of("scenario", "load", "figures", "target", "result")) {
                assertTrue(s.hasNonNull(field), field + " of " + s.get("id"));
            }
        }
        JsonNode signup = scenarios.get(Report.SCENARIO_IDS.indexOf("signup"));
        assertNotEquals(Report.NOT_RUN, signup.get("result").asText());
        assertEquals(30, signup.get("values").get("ok").asInt());
        assertEquals(Report.NOT_RUN, scenarios.get(Report.SCENARIO_IDS.indexOf("drain")).get("result").asText());
        JsonNode sync = scenarios.get(Report.SCENARIO_IDS.indexOf("initial-sync"));
        assertNotEquals(Report.NOT_RUN, sync.get("result").asText(), "the sync's figures make its row");
        assertEquals("DONE", sync.get("values").get("state").asText());
        assertEquals(2, sync.get("values").get("partialReadings").asInt(), "progress seen part-way");
        assertEquals(250, root.get("scenarios").get(Report.SCENARIO_IDS.indexOf("memory.commerce")).get("values")
                .get("rssMaxMb").asDouble());
    }
}
