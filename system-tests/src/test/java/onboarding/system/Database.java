package onboarding.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** One app's test database, reached with plain JDBC as the app's own role (tests read, only reset writes). */
public final class Database {

    private final String url;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Empties the database (the app's Flyway migrations recreate everything at its next start). */
    void reset() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset " + url + " (run scripts/db-setup.sh first?)", e);
        }
    }

    /** The first column of the first row as a number (e.g. a count). */
    public long number(String sql, Object... params) {
        Object value = rows(sql, params).get(0).values().iterator().next();
        return ((Number) value).longValue();
    }

    /** The events this app's bridge has written to its outbox so far, counted by event type. */
    public Map<String, Long> outboxEventsByType() {
        Map<String, Long> counts = new TreeMap<>();
        rows("SELECT event_type, count(*) AS events FROM dualwrite_outbox GROUP BY event_type")
                .forEach(row -> counts.put((String) row.get("event_type"), ((Number) row.get("events")).longValue()));
        return counts;
    }

    /** What {@code after} counts more than {@code before} (event type → how many more), types with none left out. */
    public static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new TreeMap<>();
        after.forEach((type, count) -> {
            long more = count - before.getOrDefault(type, 0L);
            if (more != 0) {
                added.put(type, more);
            }
        });
        return added;
    }

    /**
     * The distinct correlation ids (or "none") of the timeline entries of the records and of the events
     * about them in this app's outbox; {@code records} alternates record type and id.
     */
    public List<String> correlationIds(Object... records) {
        StringBuilder pairs = new StringBuilder();
        Object[] params = new Object[records.length * 2];
        for (int i = 0; i < records.length; i += 2) {
            pairs.append(i == 0 ? "" : ", ").append("(?, ?)");
            for (int copy = 0; copy < 2; copy++) {
                params[copy * records.length + i] = records[i].toString();
                params[copy * records.length + i + 1] = records[i + 1].toString();
            }
        }
        return rows("SELECT DISTINCT coalesce(correlation_id, 'none') AS correlation FROM ("
                + " SELECT correlation_id FROM timeline_entry WHERE (record_type, record_id) IN (" + pairs + ")"
                + " UNION ALL SELECT correlation_id FROM dualwrite_outbox WHERE (aggregate_type, aggregate_id) IN (" + pairs + ")"
                + ") AS journey", params).stream().map(row -> (String) row.get("correlation")).toList();
    }

    /** Every row as column label → value, in order. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + url + ": " + sql, e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, properties);
    }
}
