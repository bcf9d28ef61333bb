package onboarding.bridge.link;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import onboarding.bridge.DeferredWrites;

/** {@code dualwrite_link}: which remote record a local record is paired with, per table map. */
@ApplicationScoped
public class RecordLinks {

    private final DataSource dataSource;

    RecordLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A link, as seen from this side. */
    public record Link(String tableMap, String localId, String remoteId, String remoteLabel) {
    }

    /** Records a link in the current transaction; a link that exists already is kept as it is. */
    public void link(String tableMap, String localId, String remoteId, String remoteLabel) {
        try (Connection connection = dataSource.getConnection()) {
            link(connection, tableMap, localId, remoteId, remoteLabel);
        } catch (SQLException e) {
            throw new IllegalStateException("could not link " + tableMap + " " + localId, e);
        }
    }

    /** Records a link on {@code connection} (with the batch's other writes when the bridge is applying one). */
    public void link(Connection connection, String tableMap, String localId, String remoteId, String remoteLabel)
            throws SQLException {
        DeferredWrites.write(connection, """
                INSERT INTO dualwrite_link (table_map, local_id, remote_id, remote_label) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", tableMap, localId, remoteId, remoteLabel);
    }

    public Optional<Link> byLocalId(String tableMap, String localId) {
        return find("local_id", tableMap, localId);
    }

    public Optional<Link> byRemoteId(String tableMap, String remoteId) {
        return find("remote_id", tableMap, remoteId);
    }

    /**
     * The link of a local record under the first of {@code tableMaps} that has one (a pair linked by the
     * initial sync of one map and edited through another, e.g. customers-to-accounts and accounts-to-customers).
     */
    public Optional<Link> byLocalId(List<String> tableMaps, String localId) {
        return tableMaps.stream().map(map -> byLocalId(map, localId)).flatMap(Optional::stream).findFirst();
    }

    /** The link of a remote record under the first of {@code tableMaps} that has one. */
    public Optional<Link> byRemoteId(List<String> tableMaps, String remoteId) {
        return tableMaps.stream().map(map -> byRemoteId(map, remoteId)).flatMap(Optional::stream).findFirst();
    }

    private Optional<Link> find(String column, String tableMap, String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT local_id, remote_id, remote_label FROM dualwrite_link WHERE table_map = ? AND "
                                + column + " = ?")) {
            query.setString(1, tableMap);
            query.setString(2, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new Link(tableMap, rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the link of " + tableMap + " " + id, e);
        }
    }
}
