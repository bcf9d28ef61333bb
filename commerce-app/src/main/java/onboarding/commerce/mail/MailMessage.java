package onboarding.commerce.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** An email, rendered when queued, with its delivery status. */
@Entity
public class MailMessage extends PanacheEntityBase {

    public enum Status {
        /** waiting to be sent (first try, or a retry after the mail server failed) */
        QUEUED,
        SENT,
        /** gave up after the last attempt; staff can resend */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public MailKind kind;
    public String recipient;
    public String language;
    public String subject;
    public String bodyHtml;
    public String bodyText;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Long prospectId;
    public Long resendOf;
    public Instant createdAt;
    public Instant sentAt;
    /** Set when the mail carries a one-time link: the sender issues its token for this customer and purpose. */
    public Long linkCustomerId;
    public String linkPurpose;
}
