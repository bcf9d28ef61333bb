package onboarding.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link SessionConfig.Throttle#perUser()} failed sign-ins with one user name,
 * or {@link SessionConfig.Throttle#perAddress()} from one address, within the window, further sign-ins with that
 * name or from that address are refused (right password or not) until the oldest failure leaves the window.
 * Failures are kept in the database, so every instance of the app counts the same ones and a restart forgets none.
 * Unknown user names are counted like known ones: the answer never tells which names exist.
 */
@ApplicationScoped
public class SignInThrottle {

    private final SessionConfig.Throttle config;

    SignInThrottle(SessionConfig config) {
        this.config = config.throttle();
    }

    /** How long sign-ins with {@code name} from {@code address} are refused; empty when they may be tried. */
    @Transactional
    public Optional<Duration> refusedFor(String name, String address) {
        Instant now = now();
        Optional<Duration> byUser = refusedFor(userKey(name), config.perUser(), now);
        return byUser.isPresent() ? byUser : refusedFor(addressKey(address), config.perAddress(), now);
    }

    /** Counts a failed sign-in (committed whatever the caller does next). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String name, String address) {
        Instant now = now();
        for (String key : List.of(userKey(name), addressKey(address))) {
            SignInFailure.delete("key = ?1 and failedAt < ?2", key, now.minus(config.window()));
            SignInFailure failure = new SignInFailure();
            failure.key = key;
            failure.failedAt = now;
            failure.persist();
        }
    }

    /** A successful sign-in forgets the failures of that user name (not those of the address). */
    @Transactional
    public void succeeded(String name) {
        SignInFailure.delete("key", userKey(name));
    }

    private Optional<Duration> refusedFor(String key, int limit, Instant now) {
        List<Instant> recent = SignInFailure.<SignInFailure>find("key = ?1 and failedAt >= ?2 order by failedAt desc",
                key, now.minus(config.window())).page(0, limit).stream().map(f -> f.failedAt).toList();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // refused until the limit-th most recent failure leaves the window
        Duration left = Duration.between(now, recent.get(limit - 1).plus(config.window()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    static String userKey(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return "user:" + (lower.length() > 300 ? lower.substring(0, 300) : lower);
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
