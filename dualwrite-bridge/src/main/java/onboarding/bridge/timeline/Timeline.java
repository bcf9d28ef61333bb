package onboarding.bridge.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import onboarding.bridge.DeferredWrites;

/** The timeline of records in this app, newest first. Entries join the caller's transaction. */
@ApplicationScoped
public class Timeline {

    /** Who wrote an entry. */
    public enum Source { USER, SYSTEM, DUAL_WRITE }

    /** One entry; {@code messageKey} with {@code arg0}, {@code arg1} is rendered in the reader's language. */
    public record Entry(long id, String recordType, String recordId, Instant occurredAt, Source source,
            String messageKey, String arg0, String arg1, String linkUrl, String correlationId) {
    }

    private final DataSource dataSource;

    Timeline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds an entry in the current transaction (with the batch's other writes when the bridge is applying one). */
    public void add(String recordType, Object recordId, Source source, String messageKey, String arg0, String arg1,
            String linkUrl, String correlationId) {
        try (Connection connection = dataSource.getConnection()) {
            DeferredWrites.write(connection, """
                    INSERT INTO timeline_entry (record_type, record_id, source, message_key, arg0, arg1, link_url,
                        correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", recordType, String.valueOf(recordId),
                    source.name(), messageKey, arg0, arg1, linkUrl, correlationId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not add to the timeline of " + recordType + " " + recordId, e);
        }
    }

    public List<Entry> of(String recordType, Object recordId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT id, record_type, record_id, occurred_at, source, message_key, arg0, arg1, link_url,
                               correlation_id
                          FROM timeline_entry WHERE record_type = ? AND record_id = ?
                         ORDER BY occurred_at DESC, id DESC""")) {
            query.setString(1, recordType);
            query.setString(2, String.valueOf(recordId));
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), Source.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the timeline of " + recordType + " " + recordId, e);
        }
    }
}
