package onboarding.bridge.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.Sql;
import onboarding.bridge.console.ConsoleService;
import onboarding.ui.Messages;
import onboarding.ui.UiLocale;
import org.jboss.logging.Logger;

/**
 * Evaluates the enabled alert rules on a schedule ({@code dualwrite.alerts.interval}): counts each covered map's
 * delivery errors in the rule's window; at the threshold the alert fires once (recorded, the map paused through
 * the console's pause when the rule says so, the operator mailed), stays FIRING without mailing again, and is
 * CLEARED once the count is back below the threshold. A new alert of the same rule and map needs the cooldown to
 * have passed since the last one. Several processes on one database: rules are locked with
 * {@code FOR UPDATE SKIP LOCKED} for the round, and a unique index allows one FIRING alert per rule and map.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);
    /**
     * A mail still SENDING after this was abandoned by a crashed process; a FAILED one (the mail server refused or
     * was down) is tried again this long after its last attempt.
     */
    static final Duration UNSENT_AFTER = Duration.ofMinutes(2);
    /** How long after its alert fired a FAILED mail is still tried again (the alert itself stays on the console). */
    static final Duration RETRY_FAILED_FOR = Duration.ofHours(24);

    @CheckedTemplate(basePath = "dualwrite/mail")
    static class Templates {
        static native TemplateInstance alert(AlertMail alert);
    }

    /** What an alert email says. */
    public record AlertMail(long alertId, String app, String tableMap, int errorCount, int threshold,
            int windowMinutes, String lastError, boolean paused, String consoleUrl) {
    }

    private record Fired(AlertMail mail, String to, Locale locale) {
    }

    private final Sql sql;
    private final ConsoleService console;
    private final Mailer mailer;
    private final DualWriteConfig config;
    private final Counter fired;

    AlertEvaluator(Sql sql, ConsoleService console, Mailer mailer, DualWriteConfig config, MeterRegistry metrics) {
        this.sql = sql;
        this.console = console;
        this.mailer = mailer;
        this.config = config;
        this.fired = Counter.builder("dualwrite.alerts.fired").description("alerts fired by the alert rules")
                .register(metrics);
    }

    @Scheduled(every = "${dualwrite.alerts.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        evaluate();
    }

    /** One round: prunes old errors, evaluates every enabled rule, then mails the alerts it fired. Returns their ids. */
    public List<Long> evaluate() {
        sql.update("DELETE FROM dualwrite_error WHERE occurred_at < now() - (? * interval '1 second')",
                config.alerts().retention().toSeconds());
        List<Fired> round = QuarkusTransaction.requiringNew().call(this::evaluateRules);
        round.stream().filter(f -> f.to() != null).forEach(this::send);
        QuarkusTransaction.requiringNew().call(this::claimUnsent).forEach(this::send);
        return round.stream().map(f -> f.mail().alertId()).toList();
    }

    /**
     * Alert mails a process began to send but never recorded (it crashed in between), and mails the mail server
     * refused (for a day, every few minutes): claimed again, so an alert mail is sent at least once.
     */
    private List<Fired> claimUnsent() {
        List<Fired> unsent = new ArrayList<>();
        sql.query("""
                UPDATE dualwrite_alert a SET mail_status = 'SENDING', mail_attempt_at = now()
                 WHERE a.id IN (SELECT id FROM dualwrite_alert WHERE mail_status IN ('SENDING', 'FAILED')
                                   AND mail_attempt_at < now() - (? * interval '1 second')
                                   AND (mail_status = 'SENDING' OR fired_at > now() - (? * interval '1 second'))
                                 ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
                RETURNING a.id, a.table_map, a.error_count, a.threshold, a.window_minutes, a.last_error, a.paused,
                          a.mail_to, (SELECT r.language FROM dualwrite_alert_rule r WHERE r.id = a.rule_id)""",
                List.of(UNSENT_AFTER.toSeconds(), RETRY_FAILED_FOR.toSeconds()), rs -> unsent.add(fired(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9))));
        return unsent;
    }

    /** The mail of an alert: what it says, to whom, in which language. */
    private Fired fired(long alertId, String map, int count, int threshold, int windowMinutes, String lastError,
            boolean paused, String to, String language) {
        String app = config.origin().name().charAt(0) + config.origin().name().substring(1).toLowerCase(Locale.ROOT);
        return new Fired(new AlertMail(alertId, app, map, count, threshold, windowMinutes, lastError, paused,
                config.publicUrl() + "/dualwrite"), to, Messages.supported(language));
    }

    private List<Fired> evaluateRules() {
        List<AlertRule> rules = new ArrayList<>();
        // rules another process is evaluating right now are its business this round
        sql.query("SELECT " + AlertRules.RULE_COLUMNS + " FROM dualwrite_alert_rule WHERE enabled ORDER BY id"
                + " FOR UPDATE SKIP LOCKED", List.of(), rs -> rules.add(AlertRules.rule(rs)));
        List<Fired> round = new ArrayList<>();
        for (AlertRule rule : rules) {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, String> lastErrors = new HashMap<>();
            sql.query("""
                    SELECT table_map, count(*), (array_agg(message ORDER BY id DESC))[1] FROM dualwrite_error
                     WHERE occurred_at > now() - (? * interval '1 minute') AND (?::text IS NULL OR table_map = ?)
                     GROUP BY table_map ORDER BY table_map""", Arrays.asList(rule.windowMinutes(), rule.tableMap(),
                    rule.tableMap()), rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                        lastErrors.put(rs.getString(1), rs.getString(3));
                    });
            clearBelowThreshold(rule, counts);
            counts.forEach((map, count) -> {
                if (count >= rule.threshold()) {
                    fire(rule, map, count, lastErrors.get(map), round);
                }
            });
        }
        return round;
    }

    private void clearBelowThreshold(AlertRule rule, Map<String, Integer> counts) {
        List<Long> open = new ArrayList<>();
        List<String> maps = new ArrayList<>();
        sql.query("SELECT id, table_map FROM dualwrite_alert WHERE rule_id = ? AND cleared_at IS NULL",
                List.of(rule.id()), rs -> {
                    open.add(rs.getLong(1));
                    maps.add(rs.getString(2));
                });
        for (int i = 0; i < open.size(); i++) {
            String map = maps.get(i);
            int count = counts.getOrDefault(map, 0);
            if (!rule.covers(map) || count < rule.threshold()) {
                sql.update("UPDATE dualwrite_alert SET cleared_at = now() WHERE id = ?", open.get(i));
                LOG.infof("alert %d (rule %d, table map %s) cleared: %d errors in %d min, threshold %d", open.get(i),
                        rule.id(), map, count, rule.windowMinutes(), rule.threshold());
            }
        }
    }

    private void fire(AlertRule rule, String map, int count, String lastError, List<Fired> round) {
        List<Long> inserted = new ArrayList<>();
        // one FIRING alert per rule and map (unique index), and none within the cooldown of the last one
        sql.query("""
                INSERT INTO dualwrite_alert (rule_id, table_map, error_count, threshold, window_minutes, last_error,
                                             paused, mail_to, mail_status, mail_attempt_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, now()
                 WHERE NOT EXISTS (SELECT 1 FROM dualwrite_alert a WHERE a.rule_id = ? AND a.table_map = ?
                                      AND a.fired_at > now() - (? * interval '1 second'))
                ON CONFLICT (rule_id, table_map) WHERE cleared_at IS NULL DO NOTHING
                RETURNING id""", Arrays.asList(rule.id(), map, count, rule.threshold(), rule.windowMinutes(),
                lastError, rule.pauseMap(), rule.email(), rule.email() == null ? null : "SENDING", rule.id(), map,
                config.alerts().cooldown().toSeconds()), rs -> inserted.add(rs.getLong(1)));
        if (inserted.isEmpty()) {
            return;
        }
        long id = inserted.get(0);
        if (rule.pauseMap()) {
            console.setState(map, "PAUSED", "alert rule " + rule.id());
        }
        fired.increment();
        LOG.warnf("alert %d fired by rule %d: table map %s had %d delivery errors in %d min (threshold %d)%s%s; last"
                + " error: %s", id, rule.id(), map, count, rule.windowMinutes(), rule.threshold(),
                rule.pauseMap() ? ", map paused" : "", rule.email() == null ? "" : ", mailing " + rule.email(), lastError);
        round.add(fired(id, map, count, rule.threshold(), rule.windowMinutes(), lastError, rule.pauseMap(), rule.email(),
                rule.language()));
    }

    /** Sends the alert email outside the round's transaction; its outcome is logged and shown on the console. */
    private void send(Fired fired) {
        AlertMail alert = fired.mail();
        String subject = Messages.get(fired.locale(), "alerts.mail.subject", alert.app(), alert.tableMap(),
                alert.errorCount(), alert.windowMinutes());
        String text = UiLocale.with(fired.locale(), () -> Templates.alert(alert).render());
        LOG.infof("alert %d: mail to %s \"%s\"%n%s", alert.alertId(), fired.to(), subject, text);
        String error = null;
        try {
            mailer.send(Mail.withText(fired.to(), subject, text));
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.errorf("alert %d: mail to %s FAILED: %s (the alert stays on the console)", alert.alertId(), fired.to(),
                    error);
        }
        sql.update("UPDATE dualwrite_alert SET mail_status = ?, mail_error = ? WHERE id = ?",
                error == null ? "SENT" : "FAILED", error, alert.alertId());
    }
}
