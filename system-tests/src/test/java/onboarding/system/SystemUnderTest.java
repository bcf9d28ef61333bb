package onboarding.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Both packaged apps, their {@code _it} databases (emptied first; {@code -Dsystem.db.suffix=_x} takes
 * {@code commerce_it_x} / {@code sales_it_x} instead, for runs side by side) and an SMTP server, on free
 * ports chosen at run time. Started once for the whole module by {@link SystemExtension}; {@link #close()}
 * stops everything, and a JVM shutdown hook kills the apps should the test JVM end another way.
 */
public final class SystemUnderTest implements AutoCloseable {

    /** Optional prefix of the test databases (env TEST_DB_PREFIX), so two checkouts can test side by side. */
    static final String PREFIX = System.getenv().getOrDefault("TEST_DB_PREFIX", "");

    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/";
    /** Shared by both apps; any value of 16 characters or more, so the run does not lean on the defaults. */
    /** This run's bridge key: the packaged apps refuse the development key published with the code. */
    private static final String DUALWRITE_SECRET = java.util.UUID.randomUUID().toString();
    /** This run's metrics scraper token (both apps), sent by {@link Faults#metric}. */
    static final String METRICS_TOKEN = java.util.UUID.randomUUID().toString();
    /**
     * Time is compressed: with 3 attempts the relay's retry budget is spent in about 2 s, so that an outage
     * of a few seconds in a test outlasts it, as an outage of a few minutes does with the default 10.
     */
    public static final int RELAY_MAX_ATTEMPTS = 3;
    /**
     * Initial syncs in batches of 100 (instead of 1,000): a sync of a few thousand records then has enough
     * batches for a test to kill Commerce in the middle of it.
     */
    public static final int SYNC_BATCH = 100;
    private static final Map<String, String> RELAY = Map.of(
            // bursts of thousands of signups come from 127.0.0.1 (the limit per client address is tested in SignupTest)
            "commerce.signup.limits.per-address", "1000000",
            "dualwrite.relay.max-attempts",
            Integer.toString(RELAY_MAX_ATTEMPTS), "dualwrite.alerts.interval", "PT1S", "dualwrite.sync.batch-size",
            Integer.toString(SYNC_BATCH));

    private final Path root;
    private final Path target;
    private final Mailbox mailbox;
    private final Database commerceDb;
    private final Database salesDb;
    private final AppProcess commerce;
    private final AppProcess sales;
    private final SignupClient signups;
    private final Thread shutdownHook;
    /** Environment of the Commerce process, reused by {@link #secondCommerce()}. */
    private final Map<String, String> commerceEnv;
    private final Path logs;
    private volatile AppProcess secondCommerce;

    private SystemUnderTest(Path root) {
        this.root = root;
        this.target = root.resolve("system-tests").resolve("target");
        int[] ports = freePorts(3);
        int commercePort = ports[0];
        int salesPort = ports[1];
        this.mailbox = new Mailbox(ports[2]);
        String databaseSuffix = System.getProperty("system.db.suffix", "");
        // the test roles of scripts/db-setup.sh (published development passwords that own only test databases)
        this.commerceDb = new Database(DB + PREFIX + "commerce_it" + databaseSuffix, "commerce_test",
                "commerce-test-password");
        this.salesDb = new Database(DB + PREFIX + "sales_it" + databaseSuffix, "sales_test", "sales-test-password");
        Path logs = target.resolve("app-logs");
        String commerceUrl = "http://127.0.0.1:" + commercePort;
        String salesUrl = "http://127.0.0.1:" + salesPort;
        this.logs = logs;
        this.commerceEnv = Map.of(
                "COMMERCE_DB_URL", commerceDb.url(),
                "COMMERCE_DB_USER", commerceDb.user(),
                "COMMERCE_DB_PASSWORD", commerceDb.password(),
                "SALES_URL", salesUrl,
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(mailbox.port()),
                "MAIL_MOCK", "false",
                "COMMERCE_PUBLIC_URL", commerceUrl,
                "DUALWRITE_SECRETS", DUALWRITE_SECRET,
                "COMMERCE_METRICS_TOKEN", METRICS_TOKEN);
        this.commerce = new AppProcess("commerce", jarOf("commerce-app"), commercePort, commerceEnv, RELAY, logs);
        this.sales = new AppProcess("sales", jarOf("sales-app"), salesPort, Map.of(
                "SALES_DB_URL", salesDb.url(),
                "SALES_DB_USER", salesDb.user(),
                "SALES_DB_PASSWORD", salesDb.password(),
                "COMMERCE_URL", commerceUrl,
                "SALES_PUBLIC_URL", salesUrl,
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(mailbox.port()),
                "MAIL_MOCK", "false",
                "DUALWRITE_SECRETS", DUALWRITE_SECRET,
                "SALES_METRICS_TOKEN", METRICS_TOKEN), RELAY, logs);
        this.signups = new SignupClient(commerceUrl);
        this.shutdownHook = new Thread(() -> {
            commerce.killNow();
            sales.killNow();
            AppProcess second = secondCommerce;
            if (second != null) {
                second.killNow();
            }
        }, "system-tests-shutdown");
    }

    /** Starts everything from empty databases; on any failure stops what was started and rethrows. */
    static SystemUnderTest start() {
        SystemUnderTest system = new SystemUnderTest(projectRoot());
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        try {
            system.mailbox.start();
            System.out.printf("[system] databases %s and %s (emptied), SMTP on port %d%n", system.commerceDb.url(),
                    system.salesDb.url(), system.mailbox.port());
            system.commerceDb.reset();
            system.salesDb.reset();
            system.commerce.start();
            system.sales.start();
            system.commerce.awaitReady();
            system.sales.awaitReady();
            return system;
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
    }

    public AppProcess commerce() {
        return commerce;
    }

    public AppProcess sales() {
        return sales;
    }

    public Database commerceDb() {
        return commerceDb;
    }

    public Database salesDb() {
        return salesDb;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /**
     * A second Commerce process on its own free port with the same database, peer and settings as
     * {@link #commerce()} (two relays on one outbox); created on first use, not started, stopped by
     * {@link #close()}. Its logs are {@code commerce-2.*.log}.
     */
    public synchronized AppProcess secondCommerce() {
        if (secondCommerce == null) {
            secondCommerce = new AppProcess("commerce-2", jarOf("commerce-app"), freePorts(1)[0], commerceEnv, RELAY,
                    logs);
        }
        return secondCommerce;
    }

    /**
     * A Commerce process on its own free port with the same settings as {@link #commerce()} but for
     * {@code overrides} (e.g. a secret it must refuse); not started; stopped by the caller.
     */
    public AppProcess commerceWith(String name, Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(commerceEnv);
        env.putAll(overrides);
        return new AppProcess(name, jarOf("commerce-app"), freePorts(1)[0], env, RELAY, logs);
    }

    /** Submits signups to Commerce the way a browser does. */
    public SignupClient signups() {
        return signups;
    }

    /**
     * A browser signed in to Commerce as the demo user {@code user} (password {@code <user>-demo}: {@code hq}
     * staff, {@code admin} staff and operator).
     */
    public WebSession commerceAs(String user) {
        return WebSession.signIn(commerce.url(), user, user + "-demo");
    }

    /**
     * A browser signed in to Sales as the demo user {@code user} (password {@code <user>-demo}: {@code alice}
     * and {@code bob} salespeople, {@code maria} sales manager).
     */
    public WebSession salesAs(String user) {
        return WebSession.signIn(sales.url(), user, user + "-demo");
    }

    /** {@code system-tests/target/<name>}, created if needed (screenshots and the like). */
    public Path targetDir(String name) {
        try {
            return Files.createDirectories(target.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts again whichever app a test left stopped (e.g. after an outage test that failed half-way). */
    void ensureRunning() {
        List<AppProcess> restarted = new ArrayList<>();
        for (AppProcess app : List.of(commerce, sales)) {
            if (!app.isRunning()) {
                app.start();
                restarted.add(app);
            }
        }
        restarted.forEach(AppProcess::awaitReady);
    }

    /** Stops both apps (gracefully, then by force) and the mail server; safe to call twice. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        AppProcess second = secondCommerce;
        if (second != null) {
            try {
                second.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (Runnable step : List.<Runnable>of(commerce::stop, sales::stop, mailbox::close)) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to remove
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not stop everything");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private Path jarOf(String module) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private static Path projectRoot() {
        String configured = System.getProperty("project.root");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("system-tests"))) {
            throw new IllegalStateException("project.root " + root + " is not the repository root");
        }
        return root.toAbsolutePath().normalize();
    }

    /**
     * Distinct free loopback ports, drawn below Linux's ephemeral range (32768 and up) so that no outgoing
     * connection takes one while the apps start; each is checked by binding it, and all are held until
     * every one is chosen.
     */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = bindFree();
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own does not fail in practice
                }
            }
        }
    }

    private static ServerSocket bindFree() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            try {
                return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                // try another one
            }
        }
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
