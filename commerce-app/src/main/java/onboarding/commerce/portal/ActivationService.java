package onboarding.commerce.portal;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.customer.CustomerService;

/**
 * One-time activation links for partner administrators: the raw token only travels in the email; the
 * database keeps its SHA-256. A link works once and expires after 7 days.
 */
@ApplicationScoped
public class ActivationService {

    public static final Duration VALIDITY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Timeline timeline;

    ActivationService(EntityManager em, Timeline timeline) {
        this.em = em;
        this.timeline = timeline;
    }

    /** Creates a token for {@code person} in the current transaction and returns the raw token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(Customer person) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO activation_token (customer_id, token_hash, expires_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, person.id)
                .setParameter(2, hash(token))
                .setParameter(3, Instant.now().plus(VALIDITY))
                .executeUpdate();
        return token;
    }

    /** The person a token activates, if the token exists, is unused and has not expired. */
    @Transactional
    public Optional<Customer> holderOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT customer_id FROM activation_token WHERE token_hash = ?1"
                + " AND used_at IS NULL AND expires_at > now()").setParameter(1, hash(token)).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(Customer.findById(ids.get(0).longValue()));
    }

    /** Uses the token (once) to set the person's password and activate them; false when the link is not valid. */
    @Transactional
    public boolean activate(String token, String password) {
        int used = em.createNativeQuery("UPDATE activation_token SET used_at = now() WHERE token_hash = ?1"
                + " AND used_at IS NULL AND expires_at > now()").setParameter(1, hash(token)).executeUpdate();
        if (used != 1) {
            return false;
        }
        Number id = (Number) em.createNativeQuery("SELECT customer_id FROM activation_token WHERE token_hash = ?1")
                .setParameter(1, hash(token)).getSingleResult();
        Customer person = Customer.findById(id.longValue());
        person.passwordHash = BcryptUtil.bcryptHash(password);
        person.status = Customer.Status.ACTIVE;
        person.activatedAt = Instant.now();
        timeline.add(CustomerService.RECORD_TYPE, person.id, Timeline.Source.USER, "timeline.customer.activated",
                person.email, null, null, CustomerService.correlationOf(person));
        return true;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
