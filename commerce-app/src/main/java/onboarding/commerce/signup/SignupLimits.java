package onboarding.commerce.signup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import onboarding.commerce.prospect.Prospect;
import onboarding.ui.security.RateLimiter;

/**
 * Limits on the public signup, so that nobody can flood the prospects list or use the "application received" mail
 * to bomb an inbox: a few accepted signups per email address an hour (counted in the database: every instance sees
 * the same prospects), and a few dozen per client address in ten minutes (counted in memory, see {@link RateLimiter}).
 */
@ApplicationScoped
public class SignupLimits {

    @ConfigMapping(prefix = "commerce.signup.limits")
    public interface Config {
        /** Accepted signups with one email address within {@link #emailWindow()}. */
        @WithDefault("3")
        int perEmail();

        @WithDefault("PT1H")
        Duration emailWindow();

        /** Accepted signups from one client address within {@link #addressWindow()}. */
        @WithDefault("20")
        int perAddress();

        @WithDefault("PT10M")
        Duration addressWindow();
    }

    private final Config config;
    private final RateLimiter perAddress;

    SignupLimits(Config config) {
        this.config = config;
        this.perAddress = new RateLimiter(config.perAddress(), config.addressWindow());
    }

    /**
     * The bundle key of the reason a valid signup is refused, or null when it may be stored (and is then counted
     * against its client address). Runs in the signup's transaction.
     */
    public String refusal(String email, String address) {
        long recent = Prospect.count("lower(email) = ?1 and submittedAt > ?2", email.toLowerCase(Locale.ROOT),
                Instant.now().minus(config.emailWindow()));
        if (recent >= config.perEmail()) {
            return "signup.refused.email";
        }
        return addressRefusal(address);
    }

    /** The address part of {@link #refusal}: counts the signup against {@code address} when within the limit. */
    String addressRefusal(String address) {
        return perAddress.tryAcquire(address == null ? "unknown" : address) ? null : "signup.refused.address";
    }
}
