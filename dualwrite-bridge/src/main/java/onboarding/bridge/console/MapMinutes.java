package onboarding.bridge.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import onboarding.bridge.Sql;
import org.jboss.logging.Logger;

/**
 * Counts of events per map and minute ({@code dualwrite_map_minute}): the relay adds what the peer acknowledged,
 * the inbox what it applied, one row per map and minute, so the console's rates cost a few rows to read.
 */
@ApplicationScoped
public class MapMinutes {

    public static final String DELIVERED = "DELIVERED";
    public static final String APPLIED = "APPLIED";

    private static final Logger LOG = Logger.getLogger(MapMinutes.class);

    private final Sql sql;

    MapMinutes(Sql sql) {
        this.sql = sql;
    }

    /**
     * Adds counts per map to the current minute, in a transaction of its own once the work they count has
     * committed: concurrent relay lanes and inbox batches hold the counter row for a moment only. A statistic:
     * a failure is logged, never passed on (a crash in between loses a batch's count, not an event).
     */
    public void add(String kind, Map<String, Integer> perMap) {
        if (perMap.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> perMap.forEach((map, events) -> sql.update("""
                    INSERT INTO dualwrite_map_minute (table_map, kind, minute, events)
                    VALUES (?, ?, date_trunc('minute', now()), ?)
                    ON CONFLICT (table_map, kind, minute) DO UPDATE SET events = dualwrite_map_minute.events + excluded.events""",
                    map, kind, events)));
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s events not counted", kind);
        }
    }

    /** Forgets counts older than a week. */
    @Scheduled(every = "1h", delayed = "1m")
    void prune() {
        sql.update("DELETE FROM dualwrite_map_minute WHERE minute < now() - interval '7 days'");
    }
}
