package onboarding.ui.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Creates the configured demo users that do not exist yet (never changes an existing one). The password of an
 * entry is either clear text, hashed here, or a bcrypt hash already ({@code $2a$10$...}): one hash costs 0.1 to
 * 0.4 s of CPU in a JVM that has just started (interpreted, then C1), so the apps' configurations give the hashes
 * of their (published) demo passwords. Start-up CPU on a fresh database, 3 runs each: Commerce (2 users) 5.0 to
 * 4.8 s, Sales (3 users) 5.1 to 4.2 s.
 */
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
                String roles = parts[2].replace('|', ',');
                if (isBcryptHash(parts[1])) {
                    AppUser.createHashed(parts[0], parts[1], roles, parts[3]);
                } else {
                    AppUser.create(parts[0], parts[1], roles, parts[3]);
                }
                LOG.infof("created demo user %s (%s)", parts[0], parts[2]);
            }
        }
    }

    /** Modular Crypt Format of bcrypt: {@code $2a$}, {@code $2b$} or {@code $2y$}, cost, 53 characters of salt and hash. */
    static boolean isBcryptHash(String password) {
        return password.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }
}
