package onboarding.bridge.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import onboarding.bridge.Sql;

/**
 * Counts of events per map and minute ({@code dualwrite_map_minute}): the relay adds what the peer acknowledged,
 * the inbox what it applied, one row per map and minute, so the console's rates cost a few rows to read.
 */
@ApplicationScoped
public class MapMinutes {

    public static final String DELIVERED = "DELIVERED";
    public static final String APPLIED = "APPLIED";

    private final Sql sql;

    MapMinutes(Sql sql) {
        this.sql = sql;
    }

    /** Adds counts per map to the current minute (in the caller's transaction, or alone). */
    public void add(String kind, Map<String, Integer> perMap) {
        perMap.forEach((map, events) -> sql.update("""
                INSERT INTO dualwrite_map_minute (table_map, kind, minute, events)
                VALUES (?, ?, date_trunc('minute', now()), ?)
                ON CONFLICT (table_map, kind, minute) DO UPDATE SET events = dualwrite_map_minute.events + excluded.events""",
                map, kind, events));
    }

    /** Counts per map of {@code kind} in the last {@code minutes} minutes (the current minute included). */
    public Map<String, Long> since(String kind, int minutes) {
        Map<String, Long> counts = new HashMap<>();
        sql.query("""
                SELECT table_map, sum(events) FROM dualwrite_map_minute
                 WHERE kind = ? AND minute > now() - (? * interval '1 minute') GROUP BY table_map""",
                List.of(kind, minutes), rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** Forgets counts older than a week. */
    public void prune() {
        sql.update("DELETE FROM dualwrite_map_minute WHERE minute < now() - interval '7 days'");
    }
}
