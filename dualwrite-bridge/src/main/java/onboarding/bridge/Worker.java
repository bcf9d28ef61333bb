package onboarding.bridge;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One background thread that runs a round of work when woken; wake-ups that arrive while a round is
 * queued are coalesced, and a failed round is logged (the next wake-up or sweep tries again).
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final String name;
    private final Runnable round;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean running;

    public Worker(String name, Runnable round) {
        this.name = name;
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        running = true;
        wake();
    }

    public boolean running() {
        return running;
    }

    /** Cheap and non-blocking: asks for one more round. */
    public void wake() {
        if (running && queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                try {
                    round.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s round failed; the next wake-up tries again", name);
                }
            });
        }
    }

    /** Stops taking work and waits a little for the current round. */
    public void stop() {
        running = false;
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
