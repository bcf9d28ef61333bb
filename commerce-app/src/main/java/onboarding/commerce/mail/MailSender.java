package onboarding.commerce.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import onboarding.bridge.Worker;
import onboarding.bridge.relay.Backoff;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.prospect.ProspectService;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

/**
 * Sends queued mail after commit and on a sweep: reserves up to {@value #BATCH} due mails in one transaction,
 * hands them to the mail server and records their outcomes in one more; a failure leaves the mail
 * QUEUED with a later attempt time (capped exponential backoff) until the last attempt marks it FAILED.
 * Every outcome is logged and shown on the Emails page.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    /** How long a mail being sent is reserved, so a crash mid-send only delays it. */
    private static final long RESERVE_SECONDS = 120;
    /** Mails reserved at once (a crash between sending and recording re-sends at most these). */
    static final int BATCH = 20;

    private final Mailer mailer;
    private final MailConfig config;
    private final Timeline timeline;
    private final EntityManager em;
    private final Worker worker = new Worker("mail-sender", this::sendDue);

    MailSender(Mailer mailer, MailConfig config, Timeline timeline, EntityManager em) {
        this.mailer = mailer;
        this.config = config;
        this.timeline = timeline;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    public void wake() {
        worker.wake();
    }

    @Scheduled(every = "${commerce.mail.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    /** Sends every mail that is due; returns how many were handed to the mail server. */
    public int sendDue() {
        int sent = 0;
        while (worker.running()) {
            List<MailMessage> due = QuarkusTransaction.requiringNew().call(this::reserveDue);
            if (due.isEmpty()) {
                return sent;
            }
            Map<Long, String> errors = new HashMap<>();
            for (MailMessage mail : due) {
                try {
                    mailer.send(Mail.withHtml(mail.recipient, mail.subject, mail.bodyHtml).setText(mail.bodyText));
                    sent++;
                } catch (RuntimeException e) {
                    errors.put(mail.id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            QuarkusTransaction.requiringNew().run(() -> due.forEach(mail -> record(mail.id, errors.get(mail.id))));
        }
        return sent;
    }

    private List<MailMessage> reserveDue() {
        List<MailMessage> due = em.createQuery(
                "from MailMessage where status = :queued and nextAttemptAt <= :now order by id", MailMessage.class)
                .setParameter("queued", MailMessage.Status.QUEUED)
                .setParameter("now", Instant.now())
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        Instant reservedUntil = Instant.now().plusSeconds(RESERVE_SECONDS);
        for (MailMessage mail : due) {
            mail.attempts++;
            mail.nextAttemptAt = reservedUntil;
        }
        return due;
    }

    private void record(long id, String error) {
        MailMessage mail = MailMessage.findById(id);
        if (error == null) {
            mail.status = MailMessage.Status.SENT;
            mail.sentAt = Instant.now();
            mail.lastError = null;
            mail.nextAttemptAt = null;
            LOG.infof("mail %d %s sent to %s: \"%s\"", mail.id, mail.kind, mail.recipient, mail.subject);
            if (mail.prospectId != null) {
                Prospect prospect = Prospect.findById(mail.prospectId);
                timeline.add(ProspectService.RECORD_TYPE, mail.prospectId, Timeline.Source.SYSTEM,
                        "timeline.mail.sent." + mail.kind, mail.recipient, null, "/hq/emails#mail-" + mail.id,
                        prospect == null ? null : prospect.correlationId);
            }
        } else if (mail.attempts >= config.maxAttempts()) {
            mail.status = MailMessage.Status.FAILED;
            mail.lastError = error;
            mail.nextAttemptAt = null;
            LOG.errorf("mail %d %s to %s FAILED after %d attempts: %s", mail.id, mail.kind, mail.recipient,
                    mail.attempts, error);
        } else {
            mail.lastError = error;
            mail.nextAttemptAt = Instant.now().plus(Backoff.delay(mail.attempts, config.retryBase(), config.retryMax()));
            LOG.warnf("mail %d %s to %s not sent (attempt %d), retrying at %s: %s", mail.id, mail.kind,
                    mail.recipient, mail.attempts, mail.nextAttemptAt, error);
        }
    }
}
