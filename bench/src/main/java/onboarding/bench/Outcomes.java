package onboarding.bench;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Accepted signups (with the range of prospect ids they created), and errors by kind. */
final class Outcomes {

    final LongAdder ok = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final AtomicLong firstId = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastId = new AtomicLong(Long.MIN_VALUE);
    /** Wall clock (epoch ms) of the last answer, to measure what happens after the load. */
    final AtomicLong lastAnswerEpochMs = new AtomicLong();

    void signupAnswered(HttpResponse<?> response) {
        lastAnswerEpochMs.accumulateAndGet(System.currentTimeMillis(), Math::max);
        Optional<Long> id = SignupVisitor.acceptedProspectId(response);
        if (id.isPresent()) {
            ok.increment();
            firstId.accumulateAndGet(id.get(), Math::min);
            lastId.accumulateAndGet(id.get(), Math::max);
        } else {
            error("status " + response.statusCode());
        }
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void putInto(Fragment fragment, String prefix) {
        fragment.put(prefix + ".ok", ok.sum()).put(prefix + ".errors", errorCount());
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((k, v) -> sorted.put(k, v.sum()));
        fragment.put(prefix + ".errorKinds", sorted.isEmpty() ? "none" : sorted.toString());
        if (ok.sum() > 0) {
            fragment.put(prefix + ".firstProspectId", firstId.get()).put(prefix + ".lastProspectId", lastId.get());
        }
        fragment.put(prefix + ".lastAnswerEpochMs", lastAnswerEpochMs.get());
    }
}
