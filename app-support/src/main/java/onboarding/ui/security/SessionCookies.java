package onboarding.ui.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

/**
 * The session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (not sent with another site's
 * form posts), {@code Secure} over HTTPS, {@code Path=/}, no {@code Max-Age} (the browser forgets it when closed;
 * the server ends the session anyway, see {@link Sessions}).
 */
@ApplicationScoped
public class SessionCookies {

    private final SessionConfig config;

    SessionCookies(SessionConfig config) {
        this.config = config;
    }

    public String name() {
        return config.cookieName();
    }

    public NewCookie of(String token, UriInfo request) {
        return builder(request).value(token).build();
    }

    /** Tells the browser to forget the session cookie. */
    public NewCookie cleared(UriInfo request) {
        return builder(request).value("").maxAge(0).build();
    }

    private NewCookie.Builder builder(UriInfo request) {
        boolean secure = config.secureCookies().orElseGet(() -> "https".equalsIgnoreCase(request.getRequestUri().getScheme()));
        return new NewCookie.Builder(config.cookieName()).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
