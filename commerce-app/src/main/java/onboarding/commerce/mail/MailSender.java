package onboarding.commerce.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import onboarding.bridge.Worker;
import onboarding.bridge.relay.Backoff;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.prospect.ProspectService;
import org.jboss.logging.Logger;

/**
 * Sends queued mail after commit and on a sweep: reserves up to {@value #BATCH} due mails in one statement, hands
 * them to the mail server and records their outcomes in one more transaction; a failure leaves the mail QUEUED with
 * a later attempt time (capped exponential backoff) until the last attempt marks it FAILED. Every outcome is logged
 * and shown on the Emails page (and a sent mail on its prospect's timeline).
 *
 * <p>Due mails are taken in the order of their attempt time ({@code mail_message_due}, V2026_11_27_90), so taking a
 * batch reads that batch only. Taken in id order, PostgreSQL read every due mail to sort them: with a backlog of
 * thousands of mails during a signup peak, each batch read thousands of rows and the mail fell further behind.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    /** How long a mail being sent is reserved, so a crash mid-send only delays it. */
    private static final long RESERVE_SECONDS = 120;
    /** Mails reserved at once (a crash between sending and recording re-sends at most these). */
    static final int BATCH = 50;

    /** A reserved mail, with the correlation id of its prospect (for the timeline). */
    private record Due(long id, MailKind kind, String recipient, String subject, String html, String text,
            int attempts, Long prospectId, String correlationId, Long linkCustomerId, String linkPurpose) {
    }

    private final Mailer mailer;
    private final MailConfig config;
    private final Timeline timeline;
    private final DataSource dataSource;
    private final Instance<OneTimeLinks> links;
    private final Worker worker = new Worker("mail-sender", this::sendDue);

    MailSender(Mailer mailer, MailConfig config, Timeline timeline, DataSource dataSource, Instance<OneTimeLinks> links) {
        this.links = links;
        this.mailer = mailer;
        this.config = config;
        this.timeline = timeline;
        this.dataSource = dataSource;
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
            List<Due> due = QuarkusTransaction.requiringNew().call(this::reserveDue);
            if (due.isEmpty()) {
                return sent;
            }
            Map<Long, String> errors = new HashMap<>();
            for (Due mail : due) {
                try {
                    String html = mail.html();
                    String text = mail.text();
                    if (mail.linkPurpose() != null) {
                        String token = QuarkusTransaction.requiringNew().call(() -> links.get().issue(
                                mail.linkCustomerId(), mail.linkPurpose()));
                        html = html.replace(OneTimeLinks.PLACEHOLDER, token);
                        text = text.replace(OneTimeLinks.PLACEHOLDER, token);
                    }
                    mailer.send(Mail.withHtml(mail.recipient(), mail.subject(), html).setText(text));
                    sent++;
                } catch (RuntimeException e) {
                    errors.put(mail.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            QuarkusTransaction.requiringNew().run(() -> record(due, errors));
        }
        return sent;
    }

    private List<Due> reserveDue() {
        Instant now = Instant.now();
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement reserve = connection.prepareStatement("""
                        WITH reserved AS (
                            UPDATE mail_message SET attempts = attempts + 1, next_attempt_at = ?
                             WHERE id = ANY (ARRAY(SELECT id FROM mail_message
                                                    WHERE status = 'QUEUED' AND next_attempt_at <= ?
                                                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED))
                            RETURNING id, kind, recipient, subject, body_html, body_text, attempts, prospect_id,
                                      link_customer_id, link_purpose)
                        SELECT r.*, p.correlation_id FROM reserved r LEFT JOIN prospect p ON p.id = r.prospect_id
                         ORDER BY r.id""")) {
            reserve.setObject(1, utc(now.plusSeconds(RESERVE_SECONDS)));
            reserve.setObject(2, utc(now));
            reserve.setInt(3, BATCH);
            try (ResultSet rs = reserve.executeQuery()) {
                while (rs.next()) {
                    long prospectId = rs.getLong(8);
                    Long prospect = rs.wasNull() ? null : prospectId;
                    long linkCustomerId = rs.getLong(9);
                    Long linkCustomer = rs.wasNull() ? null : linkCustomerId;
                    due.add(new Due(rs.getLong(1), MailKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), prospect, rs.getString(11), linkCustomer,
                            rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve due mails", e);
        }
        return due;
    }

    /** Records the outcomes of a batch: the sent mails with one update, each failure with its own. */
    private void record(List<Due> due, Map<Long, String> errors) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            Long[] sentIds = due.stream().filter(mail -> !errors.containsKey(mail.id())).map(Due::id).toArray(Long[]::new);
            if (sentIds.length > 0) {
                try (PreparedStatement sent = connection.prepareStatement("""
                        UPDATE mail_message SET status = 'SENT', sent_at = ?, last_error = NULL, next_attempt_at = NULL
                         WHERE id = ANY (?)""")) {
                    sent.setObject(1, utc(now));
                    sent.setArray(2, connection.createArrayOf("bigint", sentIds));
                    sent.executeUpdate();
                }
            }
            for (Due mail : due) {
                String error = errors.get(mail.id());
                if (error == null) {
                    LOG.infof("mail %d %s sent to %s: \"%s\"", mail.id(), mail.kind(), mail.recipient(), mail.subject());
                    if (mail.prospectId() != null) {
                        timeline.add(ProspectService.RECORD_TYPE, mail.prospectId(), Timeline.Source.SYSTEM,
                                "timeline.mail.sent." + mail.kind(), mail.recipient(), null, "/hq/emails#mail-" + mail.id(),
                                mail.correlationId());
                    }
                } else {
                    recordFailure(connection, mail, error, now);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcome of " + due.size() + " mails", e);
        }
    }

    private void recordFailure(Connection connection, Due mail, String error, Instant now) throws SQLException {
        boolean last = mail.attempts() >= config.maxAttempts();
        Instant next = last ? null : now.plus(Backoff.delay(mail.attempts(), config.retryBase(), config.retryMax()));
        try (PreparedStatement failed = connection.prepareStatement(
                "UPDATE mail_message SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
            failed.setString(1, (last ? MailMessage.Status.FAILED : MailMessage.Status.QUEUED).name());
            failed.setString(2, error);
            failed.setObject(3, next == null ? null : utc(next), Types.TIMESTAMP_WITH_TIMEZONE);
            failed.setLong(4, mail.id());
            failed.executeUpdate();
        }
        if (last) {
            LOG.errorf("mail %d %s to %s FAILED after %d attempts: %s", mail.id(), mail.kind(), mail.recipient(),
                    mail.attempts(), error);
        } else {
            LOG.warnf("mail %d %s to %s not sent (attempt %d), retrying at %s: %s", mail.id(), mail.kind(),
                    mail.recipient(), mail.attempts(), next, error);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
