package onboarding.bridge.relay;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the capped delay, plus a random part of the other half. */
public final class Backoff {

    private Backoff() {
    }

    /** Delay before attempt {@code attempts + 1}, after {@code attempts} failed ones (1-based). */
    public static Duration delay(int attempts, Duration base, Duration max) {
        int exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long cappedMillis = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        long half = cappedMillis / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
