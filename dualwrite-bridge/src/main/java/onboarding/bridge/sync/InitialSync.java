package onboarding.bridge.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.Worker;
import onboarding.bridge.relay.Relay;
import onboarding.ui.ConflictException;
import org.jboss.logging.Logger;

/**
 * Runs initial syncs: each batch (keys, outbox events and the progress row) commits in one transaction,
 * so a crash loses nothing and the sync resumes after the last committed batch when the app starts again.
 * Running it twice is harmless: the peer applies a copy of a record it already has as an update.
 */
@ApplicationScoped
public class InitialSync {

    private static final Logger LOG = Logger.getLogger(InitialSync.class);

    /** Progress of a map's sync, for the console. */
    public record Progress(String tableMap, String state, long total, long done, Instant startedAt, Instant updatedAt,
            String lastError) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }

        public long perSecond() {
            long seconds = Math.max(1, Duration.between(startedAt, updatedAt).toSeconds());
            return done / seconds;
        }

        public Long etaSeconds() {
            long rate = perSecond();
            return "RUNNING".equals(state) && rate > 0 ? (total - done) / rate : null;
        }
    }

    private final DataSource dataSource;
    private final Instance<SyncSource> sources;
    private final Relay relay;
    private final DualWriteConfig config;
    private final Worker worker = new Worker("dualwrite-initial-sync", this::runPending);

    InitialSync(DataSource dataSource, Instance<SyncSource> sources, Relay relay, DualWriteConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.sources = sources;
        this.relay = relay;
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /**
     * A map the console lists under initial sync; {@code notSyncableReason} (null when syncable) and {@code note}
     * (e.g. which side wins) are bundle keys.
     */
    public record SyncMap(String name, String notSyncableReason, String note) {
    }

    public List<SyncMap> syncableMaps() {
        List<SyncMap> maps = new ArrayList<>();
        sources.forEach(source -> maps.add(new SyncMap(source.tableMap(), source.notSyncableReason(), source.note())));
        maps.sort(Comparator.comparing(SyncMap::name));
        return maps;
    }

    /** Starts (or restarts from the beginning) the initial sync of a map. */
    public void start(String tableMap) {
        SyncSource source = source(tableMap)
                .orElseThrow(() -> new ConflictException("console.conflict.noSync", tableMap));
        if (source.notSyncableReason() != null) {
            throw new ConflictException("console.conflict.noSync", tableMap);
        }
        QuarkusTransaction.requiringNew().run(() -> execute("""
                INSERT INTO dualwrite_sync (table_map, state, total, done, last_key) VALUES (?, 'RUNNING', ?, 0, NULL)
                ON CONFLICT (table_map) DO UPDATE SET state = 'RUNNING', total = excluded.total, done = 0,
                    last_key = NULL, last_error = NULL, started_at = now(), updated_at = now()""",
                tableMap, source.count()));
        worker.wake();
    }

    public List<Progress> progress() {
        List<Progress> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT table_map, state, total, done, started_at,"
                        + " updated_at, last_error FROM dualwrite_sync ORDER BY table_map");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                all.add(new Progress(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    /**
     * Works through every RUNNING sync, batch by batch, until none is left (the worker does it at start-up,
     * which resumes a sync a crash interrupted; callable on the caller's thread too).
     */
    public void runPending() {
        for (Progress progress : progress()) {
            if (!"RUNNING".equals(progress.state())) {
                continue;
            }
            Optional<SyncSource> source = source(progress.tableMap());
            if (source.isEmpty() || source.get().notSyncableReason() != null) {
                continue;
            }
            try {
                while (worker.running() && QuarkusTransaction.requiringNew().call(() -> batch(source.get()))) {
                    relay.wake();
                }
                relay.wake();
            } catch (RuntimeException e) {
                LOG.errorf(e, "initial sync of %s failed; it resumes from its last batch when started again",
                        progress.tableMap());
                QuarkusTransaction.requiringNew().run(() -> execute(
                        "UPDATE dualwrite_sync SET state = 'FAILED', last_error = ?, updated_at = now() WHERE table_map = ?",
                        String.valueOf(e.getMessage()), progress.tableMap()));
            }
        }
    }

    /** One batch in the current transaction; false when the map is done. */
    private boolean batch(SyncSource source) throws SQLException {
        String lastKey;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(
                        "SELECT last_key FROM dualwrite_sync WHERE table_map = ? AND state = 'RUNNING' FOR UPDATE")) {
            lock.setString(1, source.tableMap());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                lastKey = rs.getString(1);
            }
        }
        SyncSource.Batch batch = source.publishBatch(lastKey == null ? null : Long.parseLong(lastKey),
                config.sync().batchSize());
        if (batch.count() == 0) {
            execute("UPDATE dualwrite_sync SET state = 'DONE', updated_at = now() WHERE table_map = ?", source.tableMap());
            LOG.infof("initial sync of %s done", source.tableMap());
            return false;
        }
        execute("UPDATE dualwrite_sync SET done = done + ?, last_key = ?, updated_at = now() WHERE table_map = ?",
                batch.count(), batch.lastKey().toString(), source.tableMap());
        return true;
    }

    private Optional<SyncSource> source(String tableMap) {
        return sources.stream().filter(s -> s.tableMap().equals(tableMap)).findFirst();
    }

    private void execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
