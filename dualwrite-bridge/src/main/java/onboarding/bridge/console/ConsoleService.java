package onboarding.bridge.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import onboarding.bridge.Sql;
import onboarding.bridge.relay.Relay;
import onboarding.model.Origin;
import onboarding.model.TableMaps;
import onboarding.ui.ConflictException;
import onboarding.ui.Page;
import org.jboss.logging.Logger;

/** What the operator console shows and does: maps with their backlog, the activity log, retries. */
@ApplicationScoped
public class ConsoleService {

    private static final Logger LOG = Logger.getLogger(ConsoleService.class);

    public static final int PAGE_SIZE = 50;

    /**
     * A map whose oldest undelivered event is older than this is CATCHING_UP rather than RUNNING: it has a backlog
     * to work off (after an outage, a pause, a restart, or while an initial sync's copies are delivered).
     */
    public static final long CATCHING_UP_AFTER_SECONDS = 5;

    /**
     * One table map as the console shows it. {@code state} is PAUSED (set by an operator), INITIALIZING (its initial
     * sync is copying records), CATCHING_UP (its oldest undelivered event is older than
     * {@link #CATCHING_UP_AFTER_SECONDS}) or RUNNING, in that order of precedence.
     */
    public record MapStatus(String name, String state, long backlog, long dead, Long oldestPendingSeconds,
            long deliveredLastHour, double perMinute, long applied, String lastError) {

        /** The map's direction as seen from the given app: its events go out from here, or come in. */
        public boolean outgoingFrom(Origin here) {
            return TableMaps.source(name) == here;
        }
    }

    /** The state the console shows, from the operator's setting, the map's initial sync and its oldest backlog. */
    static String displayState(String setState, boolean syncRunning, Long oldestPendingSeconds) {
        if ("PAUSED".equals(setState)) {
            return "PAUSED";
        }
        if (syncRunning) {
            return "INITIALIZING";
        }
        if (oldestPendingSeconds != null && oldestPendingSeconds > CATCHING_UP_AFTER_SECONDS) {
            return "CATCHING_UP";
        }
        return "RUNNING";
    }

    /** One outgoing event in the activity log. */
    public record OutboxRow(long id, String tableMap, String record, long sequence, String eventType, String status,
            int attempts, Instant createdAt, Instant deliveredAt, Long latencyMillis, String remoteLabel,
            String lastError) {
    }

    private final Sql sql;
    private final Relay relay;

    ConsoleService(Sql sql, Relay relay) {
        this.sql = sql;
        this.relay = relay;
    }

    /**
     * The maps with their figures. One transaction without JIT compilation: with a backlog of a million events the
     * planner's estimate crosses PostgreSQL's JIT threshold, and compiling costs far more (~0.7 s) than the query.
     */
    public List<MapStatus> maps() {
        return QuarkusTransaction.requiringNew().call(this::mapsNoJit);
    }

    private List<MapStatus> mapsNoJit() {
        sql.update("SET LOCAL jit = off");
        Map<String, MapStatus> maps = new LinkedHashMap<>();
        TableMaps.ALL.forEach(name -> maps.put(name, new MapStatus(name, "RUNNING", 0, 0, null, 0, 0, 0, null)));
        // maps of the outbox by a skip scan of its (table_map, ...) index: a few lookups, not a read of every row
        sql.query("""
                WITH RECURSIVE outbox_maps(name) AS (
                    SELECT min(table_map) FROM dualwrite_outbox
                    UNION ALL
                    SELECT (SELECT min(o.table_map) FROM dualwrite_outbox o WHERE o.table_map > r.name)
                      FROM outbox_maps r WHERE r.name IS NOT NULL)
                SELECT m.name, coalesce(s.state, 'RUNNING'),
                       (SELECT count(*) FROM dualwrite_outbox o WHERE o.table_map = m.name AND o.status IN ('PENDING', 'INFLIGHT')),
                       (SELECT count(*) FROM dualwrite_outbox o WHERE o.table_map = m.name AND o.status = 'DEAD'),
                       (SELECT extract(epoch FROM now() - f.created_at)::bigint FROM dualwrite_outbox f
                         WHERE f.id = (SELECT min(o.id) FROM dualwrite_outbox o
                                        WHERE o.table_map = m.name AND o.status IN ('PENDING', 'INFLIGHT'))),
                       (SELECT coalesce(sum(c.events), 0) FROM dualwrite_map_minute c WHERE c.table_map = m.name
                           AND c.kind = 'DELIVERED' AND c.minute > now() - interval '1 hour'),
                       (SELECT coalesce(sum(c.events), 0) FROM dualwrite_map_minute c WHERE c.table_map = m.name
                           AND c.kind = 'DELIVERED' AND c.minute > now() - interval '5 minutes'),
                       (SELECT coalesce(sum(c.events), 0) FROM dualwrite_map_minute c WHERE c.table_map = m.name
                           AND c.kind = 'APPLIED' AND c.minute > now() - interval '1 hour'),
                       (SELECT o.last_error FROM dualwrite_outbox o WHERE o.table_map = m.name AND o.last_error IS NOT NULL
                           AND o.status <> 'DELIVERED' ORDER BY o.id DESC LIMIT 1),
                       EXISTS (SELECT 1 FROM dualwrite_sync y WHERE y.table_map = m.name AND y.state = 'RUNNING')
                  FROM (SELECT unnest(?::text[]) AS name UNION SELECT name FROM outbox_maps WHERE name IS NOT NULL
                        UNION SELECT name FROM dualwrite_map) m
                  LEFT JOIN dualwrite_map s ON s.name = m.name
                 ORDER BY m.name""", statement -> statement.setArray(1,
                statement.getConnection().createArrayOf("text", TableMaps.ALL.toArray())), rs -> {
                    long oldestSeconds = rs.getLong(5);
                    Long oldest = rs.wasNull() ? null : oldestSeconds;
                    maps.put(rs.getString(1), new MapStatus(rs.getString(1),
                            displayState(rs.getString(2), rs.getBoolean(10), oldest), rs.getLong(3),
                            rs.getLong(4), oldest, rs.getLong(6), rs.getLong(7) / 5.0,
                            rs.getLong(8), rs.getString(9)));
                });
        return new ArrayList<>(maps.values());
    }

    /** The activity log of a map: outgoing events, newest first, filtered by record key and status. */
    public Page<OutboxRow> events(String map, String recordKey, String status, int page) {
        StringBuilder where = new StringBuilder("table_map = ?");
        List<Object> args = new ArrayList<>(List.of(map));
        if (recordKey != null && !recordKey.isBlank()) {
            where.append(" AND aggregate_id = ?");
            args.add(recordKey.trim());
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND status = ?");
            args.add(status);
        }
        List<OutboxRow> rows = new ArrayList<>();
        sql.query("SELECT id, table_map, aggregate_type || ' ' || aggregate_id, seq, event_type, status, attempts, created_at,"
                + " delivered_at, remote_label, last_error FROM dualwrite_outbox WHERE " + where
                + " ORDER BY id DESC LIMIT " + PAGE_SIZE + " OFFSET " + (page - 1) * PAGE_SIZE, args,
                rs -> {
                    Instant created = rs.getTimestamp(8).toInstant();
                    Timestamp delivered = rs.getTimestamp(9);
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), created,
                            delivered == null ? null : delivered.toInstant(),
                            delivered == null ? null : delivered.toInstant().toEpochMilli() - created.toEpochMilli(),
                            rs.getString(10), rs.getString(11)));
                });
        // counted up to ten pages ahead ("of more than …"): a map's log may hold a million events
        return Page.of(rows, page, PAGE_SIZE, limit -> {
            long[] total = new long[1];
            List<Object> limited = new ArrayList<>(args);
            limited.add(limit);
            sql.query("SELECT count(*) FROM (SELECT 1 FROM dualwrite_outbox WHERE " + where + " LIMIT ?) c", limited,
                    rs -> total[0] = rs.getLong(1));
            return total[0];
        });
    }

    /** Failing and dead events of every map, oldest first (they hold back later events of their record). */
    public List<OutboxRow> problems() {
        List<OutboxRow> rows = new ArrayList<>();
        sql.query("SELECT id, table_map, aggregate_type || ' ' || aggregate_id, seq, event_type, status, attempts, created_at,"
                + " delivered_at, remote_label, last_error FROM dualwrite_outbox"
                // the conditions of the small dualwrite_outbox_failing index: not a walk through a large backlog
                + " WHERE last_error IS NOT NULL AND status <> 'DELIVERED' AND status IN ('DEAD', 'PENDING', 'INFLIGHT')"
                + " ORDER BY id LIMIT 200",
                statement -> { }, rs -> rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                        null, null, rs.getString(10), rs.getString(11))));
        return rows;
    }

    /**
     * Pauses ({@code PAUSED}) or resumes ({@code RUNNING}) a map; {@code by} is who asked (an operator, or an
     * alert rule), written to the log with the change.
     */
    @Transactional
    public void setState(String map, String state, String by) {
        if (!TableMaps.ALL.contains(map)) {
            throw new jakarta.ws.rs.NotFoundException("no table map " + map);
        }
        sql.update("INSERT INTO dualwrite_map (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
                + " SET state = excluded.state, updated_at = now()", map, state);
        LOG.infof("table map %s set %s by %s", map, state, by);
    }

    /** Sends a dead (or waiting) event again now, with a fresh count of attempts. */
    @Transactional
    public void retry(long eventId) {
        if (sql.update("UPDATE dualwrite_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now()"
                + " WHERE id = ? AND status IN ('DEAD', 'PENDING')", eventId) == 0) {
            throw new ConflictException("console.conflict.notRetryable", eventId);
        }
    }

    @Transactional
    public int retryAll(String map) {
        return sql.update("UPDATE dualwrite_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now()"
                + " WHERE table_map = ? AND status = 'DEAD'", map);
    }

    /** Gives up on a dead event for good, so that later events of its record can flow. */
    @Transactional
    public void skip(long eventId) {
        if (sql.update("UPDATE dualwrite_outbox SET status = 'SKIPPED' WHERE id = ? AND status = 'DEAD'", eventId) == 0) {
            throw new ConflictException("console.conflict.notDead", eventId);
        }
    }

    /** Wakes the relay once the console's change has committed. */
    public void wakeRelay() {
        relay.wake();
    }
}
