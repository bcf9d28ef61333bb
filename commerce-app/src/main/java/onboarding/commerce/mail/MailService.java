package onboarding.commerce.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    MailService(TransactionSynchronizationRegistry transactions, MailSender sender,
            onboarding.bridge.timeline.Timeline timeline) {
        this.transactions = transactions;
        this.sender = sender;
        this.timeline = timeline;
    }

    /** A rendered email, ready to queue. */
    public record Rendered(String subject, String html, String text) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MailMessage queue(MailKind kind, String recipient, Locale locale, Rendered content, Long prospectId) {
        MailMessage mail = new MailMessage();
        mail.kind = kind;
        mail.recipient = recipient;
        mail.language = locale.getLanguage();
        mail.subject = content.subject();
        mail.bodyHtml = content.html();
        mail.bodyText = content.text();
        mail.status = MailMessage.Status.QUEUED;
        mail.nextAttemptAt = Instant.now();
        mail.prospectId = prospectId;
        mail.createdAt = Instant.now();
        mail.persist();
        AfterCommit.once(transactions, WAKE_KEY, sender::wake);
        return mail;
    }

    /** Queues a copy of a mail (a staff action, logged on the prospect's timeline). */
    @Transactional
    public MailMessage resend(long id, String user) {
        MailMessage original = MailMessage.findById(id);
        if (original == null) {
            throw new jakarta.ws.rs.NotFoundException("no mail " + id);
        }
        MailMessage copy = queue(original.kind, original.recipient, java.util.Locale.forLanguageTag(original.language),
                new Rendered(original.subject, original.bodyHtml, original.bodyText), original.prospectId);
        copy.resendOf = original.id;
        if (original.prospectId != null) {
            onboarding.commerce.prospect.Prospect prospect = onboarding.commerce.prospect.Prospect.findById(original.prospectId);
            timeline.add(onboarding.commerce.prospect.ProspectService.RECORD_TYPE, original.prospectId,
                    onboarding.bridge.timeline.Timeline.Source.USER, "timeline.mail.resent", original.subject, user,
                    "/hq/emails#mail-" + copy.id, prospect == null ? null : prospect.correlationId);
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
