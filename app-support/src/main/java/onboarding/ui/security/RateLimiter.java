package onboarding.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key (e.g. a client address) in a fixed window, counted in this process's memory:
 * cheap enough for a public form at hundreds of posts a second (no database write), and forgotten at a restart. With
 * several instances of an app behind a load balancer each counts its own share.
 */
public final class RateLimiter {

    /** Keys kept before old windows are swept out (a flood of distinct addresses cannot grow the map for ever). */
    static final int SWEEP_AT = 50_000;

    private record Window(long start, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window) {
        this(limit, window, Clock.systemUTC());
    }

    RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive count and window");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts one event of {@code key}; false (and not counted) when the key has had its {@code limit} this window. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        if (windows.size() >= SWEEP_AT) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        boolean[] allowed = { false };
        windows.compute(key, (k, w) -> {
            if (w == null || now - w.start() >= windowMillis) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            if (w.count() >= limit) {
                return w;
            }
            allowed[0] = true;
            return new Window(w.start(), w.count() + 1);
        });
        return allowed[0];
    }
}
