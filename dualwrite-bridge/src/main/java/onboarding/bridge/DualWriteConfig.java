package onboarding.bridge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import onboarding.model.Origin;

/** Configuration of the bridge in one app ({@code dualwrite.*}). */
@ConfigMapping(prefix = "dualwrite")
public interface DualWriteConfig {

    /** Which app this is. */
    Origin origin();

    Peer peer();

    /**
     * HMAC-SHA256 keys shared with the peer. The first signs outgoing batches; every one of them is
     * accepted on incoming batches, so a key can be rotated without downtime (add the new key second
     * on both sides, then move it first, then drop the old one).
     */
    List<String> secrets();

    /** How far the timestamp of an incoming batch may be from our clock; older requests are refused. */
    @WithDefault("PT2M")
    Duration maxClockSkew();

    Relay relay();

    /** Address operators use to reach this app (the console link in alert emails), e.g. {@code http://127.0.0.1:8080}. */
    String publicUrl();

    Alerts alerts();

    Sync sync();

    interface Peer {
        /** Base URL of the other app, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** Name shown to people, e.g. "Sales". */
        String name();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Relay {
        /** Whether this process delivers its outbox (tests of a single app may switch it off). */
        @WithDefault("true")
        boolean enabled();

        /** Events per delivery. */
        @WithDefault("200")
        int batchSize();

        /** Deliveries in flight at once while a backlog drains (one while there is no backlog). */
        @WithDefault("3")
        int workers();

        /** Attempts before an event the peer answers FAILED for is DEAD (an unreachable peer makes none DEAD). */
        @WithDefault("10")
        int maxAttempts();

        /** First retry delay; doubles at each attempt, with jitter. */
        @WithDefault("PT0.5S")
        Duration backoffBase();

        /** Cap of the retry delay. */
        @WithDefault("PT1M")
        Duration backoffMax();

        /**
         * This process's name among the processes relaying one database (default: host name and HTTP port);
         * a restarted process with the same name takes back at once the events it had in flight.
         */
        Optional<String> instance();

        /** How long a claimed batch is reserved to this process before another may take it over. */
        @WithDefault("PT30S")
        Duration lease();
    }

    interface Alerts {
        /** How often the alert rules are evaluated ({@code @Scheduled} of the evaluator). */
        @WithDefault("PT20S")
        Duration interval();

        /** The least time between two alerts of one rule and map, so a count hovering at the threshold does not mail again and again. */
        @WithDefault("PT15M")
        Duration cooldown();

        /** How long delivery errors are kept for the counts (older rows are deleted by the evaluator). */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Sync {
        /**
         * Records per initial-sync batch; each batch commits with its progress row, so a crash loses at most
         * one batch's work (it is done again on restart) and the peer sees whole batches.
         */
        @WithDefault("1000")
        int batchSize();
    }
}
