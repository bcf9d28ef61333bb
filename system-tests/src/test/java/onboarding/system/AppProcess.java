package onboarding.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus app ({@code quarkus-run.jar}) run as a child process on a fixed port, with its
 * stdout and stderr appended to {@code <name>.stdout.log} / {@code <name>.stderr.log}. It can be stopped
 * gracefully ({@link #stop()}, SIGTERM), killed ({@link #kill()}, SIGKILL) and started again on the same
 * port and database.
 */
public final class AppProcess {

    /** Both apps start at once on a small machine; a cold start takes 15 to 25 s there. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final List<String> systemProperties;
    private final Path stdout;
    private final Path stderr;
    private Process process;
    private int starts;

    AppProcess(String name, Path jar, int port, Map<String, String> env, Map<String, String> systemProperties,
            Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the apps first (the reactor build does: "
                    + "./mvnw verify -pl system-tests -am)");
        }
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = Map.copyOf(env);
        this.systemProperties = systemProperties.entrySet().stream().map(p -> "-D" + p.getKey() + "=" + p.getValue())
                .sorted().toList();
        this.stdout = logDir.resolve(name + ".stdout.log");
        this.stderr = logDir.resolve(name + ".stderr.log");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Launches the app without waiting for it; see {@link #awaitReady()}. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        String banner = "%n===== %s start #%d at %s on port %d =====%n".formatted(name, starts, Instant.now(), port);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.profile=prod");
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(stdout.getParent());
            Files.writeString(stdout, banner, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.writeString(stderr, banner, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().put("MALLOC_ARENA_MAX", "2"); // as start.sh: fewer glibc malloc arenas
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        System.out.printf("[system] %s started (pid %d) on %s, logs in %s%n", name, process.pid(), url(),
                stdout.getParent());
    }

    /**
     * The JVM options of the packaged apps, as start.sh and bench/run.sh use them: the repository's
     * {@code scripts/app-jvm.options} (jar: {@code <root>/<module>/target/quarkus-app/quarkus-run.jar}).
     */
    private List<String> jvmOptions() {
        Path options = jar.toAbsolutePath().getParent().getParent().getParent().getParent()
                .resolve("scripts").resolve("app-jvm.options");
        return Files.isRegularFile(options) ? List.of("@" + options) : List.of();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails at once, with the log's end, if the process dies. */
    public void awaitReady() {
        Instant begin = Instant.now();
        await(name + " ready at " + url() + "/q/health/ready")
                .atMost(STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Process current = currentProcess();
                    if (current == null || !current.isAlive()) {
                        throw new IllegalStateException(name + " exited"
                                + (current == null ? "" : " with code " + current.exitValue())
                                + " before it was ready; end of its log:\n" + logTail(40));
                    }
                    return ready();
                });
        System.out.printf("[system] %s ready after %d ms%n", name, Duration.between(begin, Instant.now()).toMillis());
    }

    public void startAndAwaitReady() {
        start();
        awaitReady();
    }

    /** Graceful stop (SIGTERM), waiting for the process to end; SIGKILL if it does not within 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!exits(process, STOP_TIMEOUT)) {
            System.out.printf("[system] %s did not stop within %s: killing it%n", name, STOP_TIMEOUT);
            process.destroyForcibly();
            exits(process, STOP_TIMEOUT);
        }
        System.out.printf("[system] %s stopped (exit code %s)%n", name, exitCode());
        process = null;
    }

    /** A crash: SIGKILL ({@code destroyForcibly}), nothing shut down cleanly. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        exits(process, STOP_TIMEOUT);
        System.out.printf("[system] %s killed (exit code %s)%n", name, exitCode());
        process = null;
    }

    public void restart() {
        stop();
        startAndAwaitReady();
    }

    /** The last lines of the app's stdout, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** For the JVM shutdown hook: no waiting, no locks. */
    void killNow() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    private synchronized Process currentProcess() {
        return process;
    }

    private String exitCode() {
        return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean exits(Process target, Duration timeout) {
        try {
            await(name + " to exit").atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> !target.isAlive());
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
