package onboarding.ui.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The app's own users ({@code app_user}: Commerce staff, Sales users), signed in by user name. */
@ApplicationScoped
public class StaffDirectory implements SignInDirectory {

    public static final String REALM = "staff";

    private final SessionConfig config;

    StaffDirectory(SessionConfig config) {
        this.config = config;
    }

    @Override
    public String realm() {
        return REALM;
    }

    @Override
    public Optional<Account> account(String name) {
        return Optional.ofNullable(AppUser.byUsername(name)).map(user -> new Account(user.username, user.password));
    }

    @Override
    public Optional<SecurityIdentity> identity(String subject) {
        return Optional.ofNullable(AppUser.byUsername(subject)).map(user -> QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet())
                .addAttribute("displayName", user.displayName)
                .build());
    }

    @Override
    public String landingPage() {
        return config.landingPage();
    }

    @Override
    public int priority() {
        return 10;
    }
}
