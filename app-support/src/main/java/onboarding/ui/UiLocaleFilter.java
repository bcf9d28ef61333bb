package onboarding.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Resolves the page language of each request and remembers an explicit choice in a cookie. */
public class UiLocaleFilter {

    static final String PARAM = "lang";
    static final String COOKIE = "lang";

    private final UiLocale uiLocale;

    UiLocaleFilter(UiLocale uiLocale) {
        this.uiLocale = uiLocale;
    }

    @ServerRequestFilter(preMatching = true)
    public void resolve(ContainerRequestContext request) {
        String chosen = request.getUriInfo().getQueryParameters().getFirst(PARAM);
        if (chosen == null) {
            Cookie cookie = request.getCookies().get(COOKIE);
            chosen = cookie == null ? null : cookie.getValue();
        }
        if (chosen != null) {
            uiLocale.set(Messages.supported(chosen));
            return;
        }
        List<Locale> accepted = request.getAcceptableLanguages();
        Locale locale = Locale.ENGLISH;
        for (Locale candidate : accepted) {
            if ("*".equals(candidate.getLanguage())) {
                break;
            }
            if (candidate.getLanguage().equals("fr") || candidate.getLanguage().equals("en")) {
                locale = Messages.supported(candidate.getLanguage());
                break;
            }
        }
        uiLocale.set(locale);
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String chosen = request.getUriInfo().getQueryParameters().getFirst(PARAM);
        if (chosen != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE)
                    .value(Messages.supported(chosen).getLanguage()).path("/").maxAge(365 * 24 * 3600)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, uiLocale.get().getLanguage());
    }
}
