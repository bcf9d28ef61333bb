package onboarding.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The initial sync of a table map as an operator runs it: signs in, posts the console's "Start initial sync"
 * form (session cookie, CSRF cookie and hidden field), then reads the progress on the console page every
 * {@code pollMillis} until the map's sync is DONE (or FAILED, or the time bound is over). Each reading is a line
 * {@code elapsedMs done total state} of the progress file, so that the report can show the progress was visible.
 */
final class ConsoleSync {

    static final String CSRF = "csrf-token";

    record Settings(String baseUrl, String user, String password, String map, double maxSeconds, long pollMillis,
            Path progress) {
    }

    /** The sync's progress as the console shows it. */
    record Reading(long elapsedMs, long done, long total, String state) {
    }

    record Result(long startedAtEpochMs, Reading last, int readings, int partialReadings, int consoleTimeouts) {
    }

    private static final Pattern BADGE = Pattern.compile("class=\"badge ([A-Z_]+)\"");
    private static final Pattern DONE_OF_TOTAL = Pattern.compile("(\\d+) / (\\d+)");

    static Result run(Http http, Settings settings) throws IOException, InterruptedException {
        String session = BackOfficePages.signIn(http, settings.baseUrl(), settings.user(), settings.password());
        HttpResponse<String> console = http.get(settings.baseUrl() + "/dualwrite", session);
        String csrfCookie = Http.setCookie(console, CSRF).orElse(null);
        String field = Http.inputValue(console.body(), CSRF).orElse(null);
        if (console.statusCode() != 200 || csrfCookie == null || field == null) {
            throw new IOException("console of " + settings.baseUrl() + ": " + console.statusCode() + ", CSRF cookie "
                    + (csrfCookie != null) + ", field " + (field != null));
        }
        String cookies = session + "; " + CSRF + "=" + csrfCookie;
        long started = System.currentTimeMillis();
        HttpResponse<String> start = http.client.send(http.request(settings.baseUrl() + "/dualwrite/console/maps/"
                + settings.map() + "/sync").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies).POST(Http.form(Map.of(CSRF, field))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (start.statusCode() != 303) {
            throw new IOException("start of the initial sync of " + settings.map() + ": " + start.statusCode() + " "
                    + start.body());
        }
        Files.createDirectories(settings.progress().toAbsolutePath().getParent());
        Files.writeString(settings.progress(), "", StandardCharsets.UTF_8);
        long deadline = started + (long) (settings.maxSeconds() * 1000);
        Reading last = null;
        int readings = 0;
        int partial = 0;
        int slowReadings = 0;
        while (System.currentTimeMillis() < deadline) {
            Optional<Reading> reading;
            try {
                reading = read(http.get(settings.baseUrl() + "/dualwrite", cookies).body(), settings.map(),
                        System.currentTimeMillis() - started);
            } catch (java.net.http.HttpTimeoutException e) {
                slowReadings++; // the console did not answer in time: counted, and the next reading tries again
                continue;
            }
            if (reading.isPresent()) {
                last = reading.get();
                readings++;
                if (last.done() > 0 && last.done() < last.total()) {
                    partial++;
                }
                Files.writeString(settings.progress(), last.elapsedMs() + "\t" + last.done() + "\t" + last.total() + "\t"
                        + last.state() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                if (!"RUNNING".equals(last.state())) {
                    break;
                }
            }
            Thread.sleep(settings.pollMillis());
        }
        return new Result(started, last, readings, partial, slowReadings);
    }

    /** The progress of {@code map} in the console's initial sync table, if it has one. */
    static Optional<Reading> read(String html, String map, long elapsedMs) {
        int row = html.indexOf("data-sync=\"" + map + "\"");
        if (row < 0) {
            return Optional.empty();
        }
        int end = html.indexOf("</tr>", row);
        String cells = html.substring(row, end < 0 ? html.length() : end);
        Matcher badge = BADGE.matcher(cells);
        Matcher numbers = DONE_OF_TOTAL.matcher(cells);
        if (!badge.find() || !numbers.find()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(elapsedMs, Long.parseLong(numbers.group(1)), Long.parseLong(numbers.group(2)),
                badge.group(1)));
    }

    static Map<String, Object> figures(Settings settings, Result result) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sync.map", settings.map());
        figures.put("sync.startedAtEpochMs", result.startedAtEpochMs());
        figures.put("sync.readings", result.readings());
        figures.put("sync.partialReadings", result.partialReadings());
        figures.put("sync.consoleTimeouts", result.consoleTimeouts());
        if (result.last() != null) {
            figures.put("sync.state", result.last().state());
            figures.put("sync.done", result.last().done());
            figures.put("sync.total", result.last().total());
            if ("DONE".equals(result.last().state())) {
                figures.put("sync.doneMs", result.last().elapsedMs());
            }
        }
        return figures;
    }
}
