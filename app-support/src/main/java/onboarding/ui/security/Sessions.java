package onboarding.ui.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Server-side sessions: a sign-in writes a row holding the SHA-256 of a random token, the browser gets the token
 * in an HttpOnly cookie ({@link SessionCookies}), every request looks the row up ({@link SessionAuthentication}).
 * Ending a session deletes its row, so a copy of the cookie is worth nothing afterwards; a session also ends after
 * {@link SessionConfig#idleTimeout()} unused and {@link SessionConfig#maxAge()} after sign-in.
 */
@ApplicationScoped
public class Sessions {

    private static final int USER_AGENT_LENGTH = 200;

    private final SessionConfig config;

    Sessions(SessionConfig config) {
        this.config = config;
    }

    /** Starts a session for {@code subject} of {@code realm}; returns the token for the cookie (never stored). */
    @Transactional
    public String start(String realm, String subject, String address, String userAgent) {
        Instant now = now();
        AppSession.delete("realm = ?1 and subject = ?2 and expiresAt < ?3", realm, subject, now);
        String token = Tokens.random();
        AppSession session = new AppSession();
        session.tokenHash = Tokens.hash(token);
        session.realm = realm;
        session.subject = subject;
        session.address = address;
        session.userAgent = userAgent == null ? null
                : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_LENGTH));
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.maxAge());
        session.persist();
        return token;
    }

    /** The live session of a cookie's token (its last use noted now and then); an expired one is ended. */
    @Transactional
    public Optional<AppSession> resolve(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        AppSession session = AppSession.find("tokenHash", Tokens.hash(token)).firstResult();
        if (session == null) {
            return Optional.empty();
        }
        Instant now = now();
        if (!now.isBefore(session.expiresAt) || !now.isBefore(session.lastSeenAt.plus(config.idleTimeout()))) {
            session.delete();
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt.plus(config.touchInterval()))) {
            session.lastSeenAt = now;
        }
        return Optional.of(session);
    }

    /** Ends the session of {@code token} (sign-out). */
    @Transactional
    public void end(String token) {
        if (Tokens.wellFormed(token)) {
            AppSession.delete("tokenHash", Tokens.hash(token));
        }
    }

    /** Ends every session of a person (deactivated, password changed elsewhere); returns how many. */
    @Transactional
    public long endAll(String realm, String subject) {
        return AppSession.delete("realm = ?1 and subject = ?2", realm, subject);
    }

    /** Ends every session of a person but the one of {@code keepToken} (the person changed their password). */
    @Transactional
    public long endAllOthers(String realm, String subject, String keepToken) {
        return AppSession.delete("realm = ?1 and subject = ?2 and tokenHash <> ?3", realm, subject,
                Tokens.hash(keepToken == null ? "" : keepToken));
    }

    @Transactional
    void purgeExpired(@Observes StartupEvent event) {
        Instant now = now();
        AppSession.delete("expiresAt < ?1 or lastSeenAt < ?2", now, now.minus(config.idleTimeout()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
