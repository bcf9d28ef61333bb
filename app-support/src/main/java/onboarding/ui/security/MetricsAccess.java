package onboarding.ui.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The HTTP permission policy {@code metrics} ({@code /q/metrics}): an operator signed in, or a scraper that sends
 * {@code Authorization: Bearer <app.metrics.token>} (a per-installation secret: {@code ./start.sh} makes one).
 * Without a token configured only operators get the metrics.
 */
@ApplicationScoped
public class MetricsAccess implements HttpSecurityPolicy {

    @ConfigMapping(prefix = "app.metrics")
    public interface Config {
        /** The role that may read the metrics when signed in (Commerce {@code admin}, Sales {@code sales-manager}). */
        String operatorRole();

        /** The scraper's bearer token (at least 16 characters); none: only signed-in operators. */
        Optional<String> token();
    }

    private final Config config;

    MetricsAccess(Config config) {
        this.config = config;
        config.token().filter(token -> token.length() < 16).ifPresent(token -> {
            throw new IllegalArgumentException("app.metrics.token needs at least 16 characters");
        });
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        if (bearerMatches(request.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            return CheckResult.permit();
        }
        return identity.map(who -> !who.isAnonymous() && who.hasRole(config.operatorRole()) ? CheckResult.PERMIT
                : CheckResult.DENY);
    }

    boolean bearerMatches(String header) {
        if (config.token().isEmpty() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8),
                config.token().get().getBytes(StandardCharsets.UTF_8));
    }
}
