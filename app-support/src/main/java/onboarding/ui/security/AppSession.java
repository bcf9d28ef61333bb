package onboarding.ui.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in browser (see {@link Sessions}); the cookie holds the token, this row its hash. */
@Entity
@Table(name = "app_session")
public class AppSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String tokenHash;
    public String realm;
    public String subject;
    public String address;
    public String userAgent;
    public Instant createdAt;
    public Instant lastSeenAt;
    public Instant expiresAt;
}
