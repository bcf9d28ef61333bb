package onboarding.ui.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs users in against {@code app_user} (bcrypt hashes). Quarkus' security-jpa only sees entities of
 * the application itself, and both apps share this user model, so the provider lives here.
 */
public class AppUserIdentityProvider {

    private AppUserIdentityProvider() {
    }

    static SecurityIdentity identityOf(AppUser user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet())
                .addAttribute("displayName", user.displayName)
                .build();
    }

    static AppUser find(String username) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.byUsername(username));
    }

    /** The sign-in form: user name and password. */
    @ApplicationScoped
    public static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                AppUser user = find(request.getUsername());
                if (user == null || !BcryptUtil.matches(new String(request.getPassword().getPassword()), user.password)) {
                    throw new AuthenticationFailedException("wrong user name or password");
                }
                return identityOf(user);
            });
        }
    }

    /** The session cookie of a signed-in user: the user must still exist; roles are read afresh. */
    @ApplicationScoped
    public static class Session implements IdentityProvider<TrustedAuthenticationRequest> {

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                AppUser user = find(request.getPrincipal());
                if (user == null) {
                    throw new AuthenticationFailedException("unknown user");
                }
                return identityOf(user);
            });
        }
    }
}
