package onboarding.ui.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Server-side sessions and sign-in ({@code app.session.*}). */
@ConfigMapping(prefix = "app.session")
public interface SessionConfig {

    /** Name of the session cookie; each app names its own (both may run on one host, and cookies ignore ports). */
    @WithDefault("session")
    String cookieName();

    /** A session unused this long ends. */
    @WithDefault("PT2H")
    Duration idleTimeout();

    /** A session ends this long after sign-in, used or not. */
    @WithDefault("PT12H")
    Duration maxAge();

    /** How often a session's last use is written (not on every request). */
    @WithDefault("PT1M")
    Duration touchInterval();

    /**
     * Whether cookies get the {@code Secure} flag. Default: when the request came over HTTPS (directly, or through a
     * proxy that says so with {@code quarkus.http.proxy.*}); set true behind a TLS-terminating proxy that does not.
     */
    Optional<Boolean> secureCookies();

    /** Where a staff sign-in lands when the form did not ask for a page (each app sets its own). */
    @WithDefault("/")
    String landingPage();

    /** Bundle key of the sign-in form's name field (Commerce: partners sign in with their email). */
    @WithDefault("login.username")
    String usernameLabel();

    Throttle throttle();

    /** Sign-in throttling: failures counted per user name and per client address over a window. */
    interface Throttle {
        @WithDefault("PT15M")
        Duration window();

        /** Failed sign-ins with one user name within the window before that name is refused until the window passes. */
        @WithDefault("10")
        int perUser();

        /** Failed sign-ins from one address within the window before that address is refused. */
        @WithDefault("30")
        int perAddress();
    }
}
