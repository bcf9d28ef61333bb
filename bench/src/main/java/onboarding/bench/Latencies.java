package onboarding.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (1 µs to 10 min, 3 significant digits), safe to record from many threads. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        recordMicros(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    void recordMicros(long micros) {
        histogram.recordValue(Math.min(Math.max(1, micros), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** Milliseconds at a percentile, e.g. 99.0. */
    double percentileMs(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** {@code <prefix>.p50}, {@code .p95}, {@code .p99}, {@code .max} (ms) and {@code .samples}. */
    void putInto(Fragment fragment, String prefix) {
        fragment.put(prefix + ".samples", count())
                .put(prefix + ".p50", percentileMs(50))
                .put(prefix + ".p95", percentileMs(95))
                .put(prefix + ".p99", percentileMs(99))
                .put(prefix + ".max", maxMs());
    }
}
