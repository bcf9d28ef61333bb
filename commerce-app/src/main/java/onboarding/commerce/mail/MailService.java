package onboarding.commerce.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import onboarding.bridge.AfterCommit;
import onboarding.ui.CappedCount;
import onboarding.ui.Page;

/**
 * Queues emails in the business transaction; {@link MailSender} sends them once it has committed,
 * and retries while the mail server is down, so no mail is lost.
 */
@ApplicationScoped
public class MailService {

    private static final Object WAKE_KEY = new Object();
    public static final int PAGE_SIZE = 50;

    private final TransactionSynchronizationRegistry transactions;
    private final MailSender sender;
    private final onboarding.bridge.timeline.Timeline timeline;
    private final DataSource dataSource;

    MailService(TransactionSynchronizationRegistry transactions, MailSender sender,
            onboarding.bridge.timeline.Timeline timeline, DataSource dataSource) {
        this.transactions = transactions;
        this.sender = sender;
        this.timeline = timeline;
        this.dataSource = dataSource;
    }

    /** A rendered email, ready to queue. */
    public record Rendered(String subject, String html, String text) {
    }

    /**
     * Queues a mail in the caller's transaction; returns its id. One JDBC insert: an entity with a database-generated
     * id would be inserted at once through Hibernate's identity machinery (and force the pending inserts out before
     * it), which cost more CPU per signup than the rest of the mail. The foreign key to the prospect is checked at
     * commit (V2026_11_27_90), after Hibernate has written the prospect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queue(MailKind kind, String recipient, Locale locale, Rendered content, Long prospectId) {
        return insert(kind, recipient, locale.getLanguage(), content, prospectId, null, null);
    }

    /**
     * Queues a mail whose content holds {@link OneTimeLinks#PLACEHOLDER}: the sender issues the token for
     * {@code link} when it sends the mail (see {@link OneTimeLinks}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queue(MailKind kind, String recipient, Locale locale, Rendered content, Long prospectId, Link link) {
        return insert(kind, recipient, locale.getLanguage(), content, prospectId, null, link);
    }

    /** Who a mail's one-time link is for, and what it does (e.g. {@code ACTIVATION}). */
    public record Link(long customerId, String purpose) {
    }

    private long insert(MailKind kind, String recipient, String language, Rendered content, Long prospectId,
            Long resendOf, Link link) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO mail_message (kind, recipient, language, subject, body_html, body_text, status,
                            next_attempt_at, prospect_id, resend_of, created_at, link_customer_id, link_purpose)
                        VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, kind.name());
            insert.setString(2, recipient);
            insert.setString(3, language);
            insert.setString(4, content.subject());
            insert.setString(5, content.html());
            insert.setString(6, content.text());
            insert.setObject(7, now);
            insert.setObject(8, prospectId, Types.BIGINT);
            insert.setObject(9, resendOf, Types.BIGINT);
            insert.setObject(10, now);
            insert.setObject(11, link == null ? null : link.customerId(), Types.BIGINT);
            insert.setString(12, link == null ? null : link.purpose());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                AfterCommit.once(transactions, WAKE_KEY, sender::wake);
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue the " + kind + " mail to " + recipient, e);
        }
    }

    /** Queues a copy of a mail (a staff action, logged on the prospect's timeline); returns the copy's id. */
    @Transactional
    public long resend(long id, String user) {
        MailMessage original = MailMessage.findById(id);
        if (original == null) {
            throw new jakarta.ws.rs.NotFoundException("no mail " + id);
        }
        long copy = insert(original.kind, original.recipient, original.language,
                new Rendered(original.subject, original.bodyHtml, original.bodyText), original.prospectId, original.id,
                original.linkCustomerId == null ? null : new Link(original.linkCustomerId, original.linkPurpose));
        if (original.prospectId != null) {
            onboarding.commerce.prospect.Prospect prospect = onboarding.commerce.prospect.Prospect.findById(original.prospectId);
            timeline.add(onboarding.commerce.prospect.ProspectService.RECORD_TYPE, original.prospectId,
                    onboarding.bridge.timeline.Timeline.Source.USER, "timeline.mail.resent", original.subject, user,
                    "/hq/emails#mail-" + copy, prospect == null ? null : prospect.correlationId);
        }
        return copy;
    }

    public Page<MailMessage> list(int page) {
        List<MailMessage> items = MailMessage.<MailMessage>find("order by id desc").page(page - 1, PAGE_SIZE).list();
        return Page.of(items, page, PAGE_SIZE, CappedCount.all("MailMessage"));
    }

    public List<MailMessage> ofProspect(long prospectId) {
        return MailMessage.list("prospectId = ?1 order by id", prospectId);
    }
}
