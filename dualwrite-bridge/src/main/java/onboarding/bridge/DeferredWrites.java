package onboarding.bridge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Writes that the bridge collects while it applies or acknowledges a batch of events (timeline entries, record
 * links, status marks) and sends together just before the batch commits: one JDBC batch per statement, which the
 * driver turns into multi-row INSERTs ({@code reWriteBatchedInserts}), instead of one round trip and one statement
 * per event. Nothing in the batch reads what these statements write, and they run in the batch's transaction, so
 * they commit or roll back with it. Outside such a batch a write runs at once.
 */
public final class DeferredWrites {

    private static final ThreadLocal<DeferredWrites> CURRENT = new ThreadLocal<>();

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    private DeferredWrites() {
    }

    /** Runs {@code work}, collecting the writes it makes on this thread, then executes them on {@code connection}. */
    public static <T> T collect(Connection connection, Callable<T> work) throws Exception {
        if (CURRENT.get() != null) {
            return work.call();
        }
        DeferredWrites writes = new DeferredWrites();
        CURRENT.set(writes);
        T result;
        try {
            result = work.call();
        } finally {
            CURRENT.remove();
        }
        writes.execute(connection);
        return result;
    }

    /** Runs the statement now on {@code connection}, or with the batch that is being collected on this thread. */
    public static void write(Connection connection, String sql, Object... args) throws SQLException {
        DeferredWrites writes = CURRENT.get();
        if (writes != null) {
            writes.rows.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bind(statement, Arrays.asList(args));
            statement.executeUpdate();
        }
    }

    private void execute(Connection connection) throws SQLException {
        for (Map.Entry<String, List<Object[]>> statementRows : rows.entrySet()) {
            try (PreparedStatement statement = connection.prepareStatement(statementRows.getKey())) {
                for (Object[] args : statementRows.getValue()) {
                    Sql.bind(statement, Arrays.asList(args));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }
}
