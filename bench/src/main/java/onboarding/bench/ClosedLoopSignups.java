package onboarding.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 1: N virtual users, each opening the signup page once and then posting signups back to back
 * (closed loop) until the count or the time is used up. Reports the achieved rate and the POST latencies.
 */
final class ClosedLoopSignups {

    record Settings(String baseUrl, int users, int count, double maxSeconds, String runId) {
    }

    record Result(Latencies latencies, Outcomes outcomes, double seconds) {
        double rate() {
            return seconds <= 0 ? 0 : outcomes.ok.sum() / seconds;
        }
    }

    static Result run(Http http, Settings settings) throws InterruptedException {
        Latencies latencies = new Latencies();
        Outcomes outcomes = new Outcomes();
        AtomicInteger tickets = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(settings.users());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(settings.users());
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < settings.users(); u++) {
            int visitorNo = u + 1;
            Thread thread = new Thread(() -> {
                try {
                    SignupVisitor visitor;
                    try {
                        visitor = SignupVisitor.open(http, settings.baseUrl(), settings.runId(), visitorNo);
                    } catch (Exception e) {
                        outcomes.error("signup page: " + Http.describe(e) + " " + e.getMessage());
                        return;
                    } finally {
                        ready.countDown();
                    }
                    go.await();
                    while (tickets.getAndIncrement() < settings.count() && System.nanoTime() < deadline[0]) {
                        long begin = System.nanoTime();
                        try {
                            HttpResponse<Void> answer = http.client.send(visitor.nextSignup(http),
                                    HttpResponse.BodyHandlers.discarding());
                            latencies.recordNanos(System.nanoTime() - begin);
                            outcomes.signupAnswered(answer);
                        } catch (java.io.IOException e) {
                            latencies.recordNanos(System.nanoTime() - begin);
                            outcomes.error(Http.describe(e));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "signup-user-" + visitorNo);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + (long) (settings.maxSeconds() * 1e9);
        go.countDown();
        // the deadline stops new requests; a request in flight ends within the request timeout
        if (!done.await((long) (settings.maxSeconds() * 1000) + Http.REQUEST_TIMEOUT.toMillis() + 5000,
                TimeUnit.MILLISECONDS)) {
            threads.forEach(Thread::interrupt);
            outcomes.error("users still busy after the deadline");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, outcomes, seconds);
    }
}
