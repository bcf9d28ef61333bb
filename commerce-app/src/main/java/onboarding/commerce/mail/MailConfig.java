package onboarding.commerce.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery of queued mail ({@code commerce.mail.*}). */
@ConfigMapping(prefix = "commerce.mail")
public interface MailConfig {

    /** Attempts before a mail is FAILED (staff can resend it). */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT5S")
    Duration retryBase();

    @WithDefault("PT10M")
    Duration retryMax();
}
