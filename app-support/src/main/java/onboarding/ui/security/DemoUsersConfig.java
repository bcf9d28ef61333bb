package onboarding.ui.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Demo sign-ins created at start-up when missing ({@code app.demo-users.*}); development only. */
@ConfigMapping(prefix = "app.demo-users")
public interface DemoUsersConfig {

    @WithDefault("false")
    boolean enabled();

    /**
     * Entries {@code username:password:role1|role2:Display name}; the password in clear text or as a bcrypt hash
     * ({@code $2a$10$...}).
     */
    @WithDefault("")
    List<String> users();
}
