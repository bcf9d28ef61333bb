package onboarding.ui.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Creates the configured demo users that do not exist yet (never changes an existing one). */
@ApplicationScoped
public class DemoUsers {

    private static final Logger LOG = Logger.getLogger(DemoUsers.class);

    private final DemoUsersConfig config;

    DemoUsers(DemoUsersConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        for (String entry : config.users()) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split(":", 4);
            if (parts.length != 4) {
                throw new IllegalArgumentException("app.demo-users.users entry needs username:password:roles:name");
            }
            if (AppUser.byUsername(parts[0]) == null) {
                AppUser.create(parts[0], parts[1], parts[2].replace('|', ','), parts[3]);
                LOG.infof("created demo user %s (%s)", parts[0], parts[2]);
            }
        }
    }
}
