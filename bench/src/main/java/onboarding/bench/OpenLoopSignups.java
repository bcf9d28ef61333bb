package onboarding.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 2's load: signups arriving at a fixed rate whatever the answers (open loop). Latency is measured
 * from each request's scheduled time, so a slow server cannot hide its queueing (no coordinated omission).
 * The arrivals come from a pool of visitors who each opened the signup page once.
 */
final class OpenLoopSignups {

    record Settings(String baseUrl, double rate, int count, double maxSeconds, int visitors, String runId) {
    }

    /** {@code answeredAt}: accepted prospect id → when its answer arrived ({@link System#nanoTime()}). */
    record Result(Latencies latencies, Outcomes outcomes, int sent, double seconds, Map<Long, Long> answeredAt) {
        double sendRate() {
            return seconds <= 0 ? 0 : sent / seconds;
        }
    }

    static Result run(Http http, Settings settings) throws Exception {
        List<SignupVisitor> visitors = new ArrayList<>();
        for (int v = 0; v < settings.visitors(); v++) {
            visitors.add(SignupVisitor.open(http, settings.baseUrl(), settings.runId(), v + 1));
        }
        Latencies latencies = new Latencies();
        Outcomes outcomes = new Outcomes();
        Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
        int planned = (int) Math.min(settings.count(), Math.floor(settings.rate() * settings.maxSeconds()));
        long period = (long) (1e9 / settings.rate());
        List<CompletableFuture<?>> inFlight = new ArrayList<>(planned);
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < planned; i++) {
            long scheduled = start + i * period;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            SignupVisitor visitor = visitors.get(i % visitors.size());
            inFlight.add(http.client.sendAsync(visitor.nextSignup(http), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> {
                        long now = System.nanoTime();
                        latencies.recordNanos(now - scheduled);
                        if (failure != null) {
                            outcomes.error(Http.describe(failure));
                        } else {
                            outcomes.signupAnswered(answer);
                            SignupVisitor.acceptedProspectId(answer).ifPresent(id -> answeredAt.put(id, now));
                        }
                    }));
            sent++;
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(Http.REQUEST_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcomes.error("answers missing after the timeout");
        }
        return new Result(latencies, outcomes, sent, sendSeconds, answeredAt);
    }
}
