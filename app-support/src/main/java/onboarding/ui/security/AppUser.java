package onboarding.ui.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who signs in with a form; the password is stored as a bcrypt hash (Modular Crypt Format). */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    public String password;

    /** Comma separated. */
    public String roles;

    public String displayName;

    public Instant createdAt;

    public static AppUser create(String username, String clearPassword, String roles, String displayName) {
        return createHashed(username, BcryptUtil.bcryptHash(clearPassword), roles, displayName);
    }

    /** A user whose password is given as a bcrypt hash already ({@code $2a$...}, Modular Crypt Format). */
    public static AppUser createHashed(String username, String passwordHash, String roles, String displayName) {
        AppUser user = new AppUser();
        user.username = username;
        user.password = passwordHash;
        user.roles = roles;
        user.displayName = displayName;
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }

    public java.util.Set<String> roleSet() {
        return java.util.Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }

    public static AppUser byUsername(String username) {
        return find("username", username).firstResult();
    }
}
