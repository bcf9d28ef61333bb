package onboarding.bench;

import java.util.Optional;

/** The arithmetic of baselines and ratios, in one place (and unit-tested). */
final class Ratios {

    private Ratios() {
    }

    /**
     * The rate of work that needs one unit of each of several steps, each measured alone with the whole machine
     * ({@code rates}, units per second): on shared cores the steps take turns, so the times add up,
     * {@code 1 / (1/r1 + 1/r2 + …)}. Empty when a rate is missing or not positive.
     */
    static Optional<Double> serial(double... rates) {
        if (rates.length == 0) {
            return Optional.empty();
        }
        double seconds = 0;
        for (double rate : rates) {
            if (!(rate > 0) || !Double.isFinite(rate)) {
                return Optional.empty();
            }
            seconds += 1 / rate;
        }
        return Optional.of(1 / seconds);
    }

    /** {@code value / baseline}; empty when either is missing or the baseline is not positive. */
    static Optional<Double> ratio(Optional<Double> value, Optional<Double> baseline) {
        if (value.isEmpty() || baseline.isEmpty() || !(baseline.get() > 0)) {
            return Optional.empty();
        }
        return Optional.of(value.get() / baseline.get());
    }

    /** Events per second from batches per second. */
    static Optional<Double> events(Optional<Double> batchesPerSecond, Optional<Double> batchSize) {
        if (batchesPerSecond.isEmpty() || batchSize.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(batchesPerSecond.get() * batchSize.get());
    }
}
