package onboarding.commerce.portal;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.customer.CustomerService;
import onboarding.commerce.mail.OneTimeLinks;
import onboarding.ui.security.Tokens;

/**
 * One-time activation links for partner administrators: the raw token only travels in the email; the
 * database keeps its SHA-256. A link works once and expires after 7 days.
 */
@ApplicationScoped
public class ActivationService implements OneTimeLinks {

    public static final Duration VALIDITY = Duration.ofDays(7);

    private final EntityManager em;
    private final Timeline timeline;

    ActivationService(EntityManager em, Timeline timeline) {
        this.em = em;
        this.timeline = timeline;
    }

    /**
     * A new token for {@code customerId} (called by the mail sender right before it sends the mail that carries it);
     * the person's earlier unused tokens of that purpose stop working.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(long customerId, String purpose) {
        em.createNativeQuery("UPDATE activation_token SET expires_at = now() WHERE customer_id = ?1 AND purpose = ?2"
                + " AND used_at IS NULL AND expires_at > now()").setParameter(1, customerId).setParameter(2, purpose)
                .executeUpdate();
        String token = Tokens.random();
        em.createNativeQuery("INSERT INTO activation_token (customer_id, token_hash, expires_at, purpose)"
                + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, customerId)
                .setParameter(2, hash(token))
                .setParameter(3, Instant.now().plus(VALIDITY))
                .setParameter(4, purpose)
                .executeUpdate();
        return token;
    }

    /** The person a token activates, if the token exists, is unused and has not expired. */
    @Transactional
    public Optional<Customer> holderOf(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT customer_id FROM activation_token WHERE token_hash = ?1"
                + " AND purpose = ?2 AND used_at IS NULL AND expires_at > now()").setParameter(1, hash(token))
                .setParameter(2, ACTIVATION).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(Customer.<Customer>findById(ids.get(0).longValue()))
                .filter(person -> person.status == Customer.Status.INVITED); // a deactivated person's old link opens nothing
    }

    /** Uses the token (once) to set the person's password and activate them; false when the link is not valid. */
    @Transactional
    public boolean activate(String token, String password) {
        int used = em.createNativeQuery("UPDATE activation_token SET used_at = now() WHERE token_hash = ?1"
                + " AND purpose = ?2 AND used_at IS NULL AND expires_at > now()").setParameter(1, hash(token))
                .setParameter(2, ACTIVATION).executeUpdate();
        if (used != 1) {
            return false;
        }
        Number id = (Number) em.createNativeQuery("SELECT customer_id FROM activation_token WHERE token_hash = ?1")
                .setParameter(1, hash(token)).getSingleResult();
        Customer person = Customer.findById(id.longValue());
        if (person.status != Customer.Status.INVITED) {
            return false; // deactivated (or active already) since the link was mailed: the link is spent, nothing else
        }
        person.passwordHash = BcryptUtil.bcryptHash(password);
        person.status = Customer.Status.ACTIVE;
        person.activatedAt = Instant.now();
        timeline.add(CustomerService.RECORD_TYPE, person.id, Timeline.Source.USER, "timeline.customer.activated",
                person.email, null, null, CustomerService.correlationOf(person));
        return true;
    }

    static String hash(String token) {
        return Tokens.hash(token);
    }

}
