package onboarding.bridge.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onboarding.bridge.Sql;
import onboarding.ui.ConflictException;

/** The alert rules operators keep on the console, and the alerts they fired. */
@ApplicationScoped
public class AlertRules {

    static final String RULE_COLUMNS = "id, table_map, threshold, window_minutes, email, pause_map, language, enabled, version";
    /** How many fired alerts the console lists. */
    public static final int RECENT = 50;

    private final Sql sql;
    private final Validator validator;

    AlertRules(Sql sql, Validator validator) {
        this.sql = sql;
        this.validator = validator;
    }

    public List<AlertRule> rules() {
        List<AlertRule> rules = new ArrayList<>();
        sql.query("SELECT " + RULE_COLUMNS + " FROM dualwrite_alert_rule ORDER BY id", List.of(),
                rs -> rules.add(rule(rs)));
        return rules;
    }

    /** The rule, or a 409 page when it no longer exists (deleted meanwhile). */
    public AlertRule get(long id) {
        List<AlertRule> rules = new ArrayList<>();
        sql.query("SELECT " + RULE_COLUMNS + " FROM dualwrite_alert_rule WHERE id = ?", List.of(id),
                rs -> rules.add(rule(rs)));
        if (rules.isEmpty()) {
            throw new ConflictException("alerts.conflict.gone", id);
        }
        return rules.get(0);
    }

    /** Stores a new rule; returns the errors by field instead when the form is not valid (nothing stored). */
    @Transactional
    public Map<String, String> create(AlertRuleForm form, String user) {
        Map<String, String> errors = form.validate(validator);
        if (errors.isEmpty()) {
            sql.update("""
                    INSERT INTO dualwrite_alert_rule (table_map, threshold, window_minutes, email, pause_map, language,
                                                      enabled, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", form.tableMap, Integer.parseInt(form.threshold),
                    Integer.parseInt(form.windowMinutes), form.email, form.pause(), form.language, form.isEnabled(), user);
        }
        return errors;
    }

    /**
     * Changes a rule as it was when the form was rendered (409 when someone changed or deleted it since). An alert
     * it fired stays FIRING until the evaluator finds its count below the new threshold (or its map no longer covered).
     */
    @Transactional
    public Map<String, String> update(long id, AlertRuleForm form) {
        AlertRule current = get(id);
        ConflictException.checkVersion(current.version(), form.submittedVersion());
        Map<String, String> errors = form.validate(validator);
        if (errors.isEmpty()) {
            changed(sql.update("""
                    UPDATE dualwrite_alert_rule SET table_map = ?, threshold = ?, window_minutes = ?, email = ?,
                           pause_map = ?, language = ?, enabled = ?, version = version + 1, updated_at = now()
                     WHERE id = ? AND version = ?""", form.tableMap, Integer.parseInt(form.threshold),
                    Integer.parseInt(form.windowMinutes), form.email, form.pause(), form.language, form.isEnabled(), id,
                    current.version()));
            if (!form.isEnabled()) {
                clearFiring(id);
            }
        }
        return errors;
    }

    /** Switches a rule on or off; 409 when the page was stale (already in that state, changed, or deleted). */
    @Transactional
    public void setEnabled(long id, boolean enabled, Long version) {
        changed(sql.update("""
                UPDATE dualwrite_alert_rule SET enabled = ?, version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ? AND enabled <> ?""", enabled, id, version == null ? -1 : version, enabled));
        if (!enabled) {
            clearFiring(id);
        }
    }

    /** Deletes a rule; the alerts it fired stay in the history (cleared). */
    @Transactional
    public void delete(long id, Long version) {
        clearFiring(id);
        changed(sql.update("DELETE FROM dualwrite_alert_rule WHERE id = ? AND version = ?", id,
                version == null ? -1 : version));
    }

    /** Recent alerts, newest first. */
    public List<Alert> recent() {
        List<Alert> alerts = new ArrayList<>();
        sql.query("""
                SELECT id, rule_id, table_map, error_count, threshold, window_minutes, last_error, paused, mail_to,
                       mail_status, mail_error, fired_at, cleared_at, acknowledged_by
                  FROM dualwrite_alert ORDER BY id DESC LIMIT""" + " " + RECENT, List.of(), rs -> {
                    long rule = rs.getLong(2);
                    Long ruleId = rs.wasNull() ? null : rule;
                    Timestamp cleared = rs.getTimestamp(13);
                    alerts.add(new Alert(rs.getLong(1), ruleId, rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getTimestamp(12).toInstant(),
                            cleared == null ? null : cleared.toInstant(), rs.getString(14)));
                });
        return alerts;
    }

    /** Maps with an alert FIRING (the badge on the console's map rows). */
    public Set<String> firingMaps() {
        Set<String> maps = new LinkedHashSet<>();
        sql.query("SELECT DISTINCT table_map FROM dualwrite_alert WHERE cleared_at IS NULL ORDER BY table_map",
                List.of(), rs -> maps.add(rs.getString(1)));
        return maps;
    }

    /** An operator has seen the alert; 409 when someone already acknowledged it. */
    @Transactional
    public void acknowledge(long alertId, String user) {
        if (sql.update("UPDATE dualwrite_alert SET acknowledged_by = ?, acknowledged_at = now()"
                + " WHERE id = ? AND acknowledged_at IS NULL", user, alertId) == 0) {
            throw new ConflictException("alerts.conflict.acknowledged", alertId);
        }
    }

    /** A version posted by a button form, or null when missing or not a number (the update then refuses it). */
    static Long version(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static AlertRule rule(ResultSet rs) throws SQLException {
        return new AlertRule(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                rs.getBoolean(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9));
    }

    private void clearFiring(long ruleId) {
        sql.update("UPDATE dualwrite_alert SET cleared_at = now() WHERE rule_id = ? AND cleared_at IS NULL", ruleId);
    }

    private static void changed(int rows) {
        if (rows == 0) {
            throw new ConflictException("conflict.changed");
        }
    }
}
