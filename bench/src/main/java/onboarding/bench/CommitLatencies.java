package onboarding.bench;

import java.util.Map;

/**
 * Answer → commit latencies: for each accepted signup, from the moment its HTTP answer reached the load generator to
 * the moment its lead's commit was seen ({@link LeadCommits}), both on the load generator's clock.
 */
final class CommitLatencies {

    final Latencies latencies = new Latencies();
    /** Accepted signups whose lead was never seen committed. */
    long missing;
    /** Leads seen committed before the signup's answer arrived (recorded as 0 ms). */
    long beforeAnswer;

    /** Pairs the answers ({@code prospect id → nanoTime}) with the commits seen ({@code prospect id → nanoTime}). */
    static CommitLatencies match(Map<Long, Long> answeredAt, Map<Long, Long> committedAt) {
        CommitLatencies result = new CommitLatencies();
        answeredAt.forEach((id, answered) -> {
            Long committed = committedAt.get(id);
            if (committed == null) {
                result.missing++;
            } else if (committed < answered) {
                result.beforeAnswer++;
                result.latencies.recordMicros(0);
            } else {
                result.latencies.recordNanos(committed - answered);
            }
        });
        return result;
    }

    /** {@code <prefix>.p50} … {@code .samples}, {@code .missing}, {@code .beforeAnswer}. */
    void putInto(Fragment fragment, String prefix) {
        latencies.putInto(fragment, prefix);
        fragment.put(prefix + ".missing", missing).put(prefix + ".beforeAnswer", beforeAnswer);
    }
}
