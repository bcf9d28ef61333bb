package onboarding.ui.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a request is signed in: by the session cookie, looked up in {@link Sessions} and turned into the person's
 * current identity by the directory of the session's realm. A request without a valid session is anonymous; a
 * page that needs a sign-in sends the browser to {@code /login}, remembering the page.
 */
public final class SessionAuthentication {

    /** Security-identity attribute: the realm of the session ({@link SignInDirectory#realm()}). */
    public static final String REALM = "realm";
    /** Security-identity attribute: the session's subject in its realm. */
    public static final String SUBJECT = "subject";

    private SessionAuthentication() {
    }

    /** The cookie's token, for the identity provider. */
    public static final class TokenRequest extends BaseAuthenticationRequest {
        final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        private final SessionConfig config;

        Mechanism(SessionConfig config) {
            this.config = config;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            Cookie cookie = context.request().getCookie(config.cookieName());
            if (cookie == null || !Tokens.wellFormed(cookie.getValue())) {
                return Uni.createFrom().optional(Optional.empty());
            }
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new TokenRequest(cookie.getValue()), context))
                    // an ended or expired session: the visitor is anonymous (public pages still work)
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            String location = "/login";
            HttpMethod method = context.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                location += "?next=" + URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8);
            }
            return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, location));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(TokenRequest.class);
        }

        @Override
        public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
            return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE,
                    config.cookieName()));
        }
    }

    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenRequest> {

        private final Sessions sessions;
        private final Map<String, SignInDirectory> directories;

        Provider(Sessions sessions, Instance<SignInDirectory> directories) {
            this.sessions = sessions;
            this.directories = directories.stream()
                    .collect(Collectors.toMap(SignInDirectory::realm, Function.identity()));
        }

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                // resolved in its own transaction, which commits even when the session turns out to be over (the
                // ended session's row is deleted); the refusal is thrown after it
                Optional<SecurityIdentity> identity = QuarkusTransaction.requiringNew().call(() -> sessions
                        .resolve(request.token).flatMap(session -> {
                            Optional<SecurityIdentity> current = identityOf(session);
                            if (current.isEmpty()) {
                                session.delete(); // the person may no longer sign in: the session is over for good
                            }
                            return current;
                        }));
                return identity.orElseThrow(() -> new AuthenticationFailedException("no live session"));
            });
        }

        private Optional<SecurityIdentity> identityOf(AppSession session) {
            SignInDirectory directory = directories.get(session.realm);
            return directory == null ? Optional.empty() : directory.identity(session.subject)
                    .map(identity -> QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(REALM, session.realm)
                            .addAttribute(SUBJECT, session.subject)
                            .build());
        }
    }
}
