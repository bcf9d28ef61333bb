package onboarding.ui.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    @Test
    void a_key_gets_its_limit_per_window_and_other_keys_are_not_affected() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), clock);
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"), "a refusal is not counted, the key stays at its limit");
        assertTrue(limiter.tryAcquire("10.0.0.2"));
        millis.addAndGet(Duration.ofMinutes(10).toMillis());
        assertTrue(limiter.tryAcquire("10.0.0.1"), "a new window");
    }

    @Test
    void many_distinct_keys_do_not_stay_in_memory_for_ever() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), clock);
        for (int i = 0; i < RateLimiter.SWEEP_AT; i++) {
            limiter.tryAcquire("key-" + i);
        }
        millis.addAndGet(1000);
        assertTrue(limiter.tryAcquire("key-0"));
        assertTrue(limiter.tryAcquire("another"));
    }
}
