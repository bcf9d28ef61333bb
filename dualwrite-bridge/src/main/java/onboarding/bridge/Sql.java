package onboarding.bridge;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC for the bridge's own tables (console, alert rules): a query read row by row, an update with its
 * arguments; inside a transaction both use its connection.
 */
@ApplicationScoped
public class Sql {

    /** Binds the parameters of a statement. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    /** {@link #query} with the arguments bound in order. */
    public void query(String sql, List<?> args, RowReader reader) {
        query(sql, statement -> bind(statement, args), reader);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it touched. */
    public int update(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, Arrays.asList(args));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + e.getMessage(), e);
        }
    }

    /**
     * An INSERT or UPDATE whose row count nobody reads: sent with the bridge's other writes when it is applying or
     * acknowledging a batch ({@link DeferredWrites}), at once otherwise.
     */
    public void write(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection()) {
            DeferredWrites.write(connection, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + e.getMessage(), e);
        }
    }

    /**
     * One column of {@code rows} as an SQL array of {@code type}, for statements that take many rows at once
     * ({@code unnest(?::type[], …)}).
     */
    public static <T> java.sql.Array column(Connection connection, String type, List<T> rows,
            java.util.function.Function<T, ?> value) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return connection.createArrayOf(type, values);
    }

    public static void bind(PreparedStatement statement, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }
}
