package onboarding.ui.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Redirects to this app's own pages go out as relative references ({@code Location: /hq/prospects/7}). The REST
 * layer turns a relative location into an absolute one with the request's {@code Host} header, which anyone can
 * set: a crafted {@code Host} would send the browser to another site. A relative reference needs no host at all,
 * and browsers resolve it against the address they used.
 */
public class RelativeRedirects {

    @ServerResponseFilter
    public void relative(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI target = location instanceof URI uri ? uri : URI.create(location.toString());
        URI base = request.getUriInfo().getBaseUri();
        if (target.isAbsolute() && target.getRawAuthority() != null
                && target.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            String relative = path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
            response.getHeaders().putSingle(HttpHeaders.LOCATION, relative);
        }
    }
}
