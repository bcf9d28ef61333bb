package onboarding.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Commits of leads in Sales as seen from outside both apps: {@code bench/sql/lead-commit-notify.sql} (installed by
 * {@code bench/run.sh} in the Sales bench database only) makes every inserted lead {@code pg_notify} its prospect
 * number, which PostgreSQL delivers when the inserting transaction commits; this listener {@code LISTEN}s on its own
 * JDBC connection and notes, per prospect id, when the notification reached the load generator
 * ({@link System#nanoTime()}, the clock the signup answers are timed with).
 */
final class LeadCommits implements AutoCloseable {

    static final String CHANNEL = "bench_lead_committed";
    private static final Pattern NUMBER = Pattern.compile("PR-0*(\\d+)");

    /** Where and as whom to listen: a database on the loopback interface only. */
    record Source(String jdbcUrl, String user, String password) {
        Source {
            if (!jdbcUrl.matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("the listener connects to 127.0.0.1 only, got " + jdbcUrl);
            }
        }

        /** From the options {@code --<name>-db}, {@code --<name>-user} and {@code --<name>-password-env}, if given. */
        static Optional<Source> of(Options options, String name) {
            String url = options.string(name + "-db", null);
            if (url == null) {
                return Optional.empty();
            }
            String variable = options.string(name + "-password-env");
            String password = System.getenv(variable);
            if (password == null) {
                throw new IllegalArgumentException("environment variable " + variable + " is not set");
            }
            return Optional.of(new Source(url, options.string(name + "-user"), password));
        }
    }

    private final Connection connection;
    private final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile SQLException failure;

    LeadCommits(Source source) throws SQLException {
        connection = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password());
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        reader = new Thread(() -> {
            while (!closed) {
                try {
                    PGNotification[] notifications = pg.getNotifications(100);
                    long now = System.nanoTime();
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            prospectId(n.getParameter()).ifPresent(id -> committedAt.putIfAbsent(id, now));
                        }
                    }
                } catch (SQLException e) {
                    if (!closed) {
                        failure = e;
                    }
                    return;
                }
            }
        }, "lead-commits");
        reader.setDaemon(true);
        reader.start();
    }

    /** The prospect id in a notification's payload (the lead's prospect number, e.g. {@code PR-000123}). */
    static Optional<Long> prospectId(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(payload.trim());
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** When each prospect's lead was seen committed (nanoTime), so far. */
    Map<Long, Long> committedAt() {
        return committedAt;
    }

    /** Waits until every one of {@code prospectIds} was seen or the time is over; the time waited, in ms. */
    long awaitAll(Collection<Long> prospectIds, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline && !committedAt.keySet().containsAll(prospectIds)) {
            if (failure != null) {
                throw failure;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() throws SQLException {
        closed = true;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
