package onboarding.bridge.alert;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import onboarding.model.TableMaps;
import onboarding.ui.form.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The alert rule form of the console. Numbers arrive as text so that anything typed is answered with an error
 * next to its field, never a failed request; messages are bundle keys.
 */
public class AlertRuleForm {

    public static final int MAX_THRESHOLD = 100_000;
    /** A day: the evaluator keeps a week of errors, so every window can be counted in full. */
    public static final int MAX_WINDOW_MINUTES = 1440;

    /** Blank: every map (each counted on its own). */
    @RestForm
    public String tableMap;

    @RestForm
    @NotBlank(message = "error.required")
    @Pattern(regexp = "^[0-9]{1,9}$", message = "alerts.error.threshold")
    public String threshold;

    @RestForm
    @NotBlank(message = "error.required")
    @Pattern(regexp = "^[0-9]{1,9}$", message = "alerts.error.window")
    public String windowMinutes;

    @RestForm
    @Size(max = 254, message = "error.tooLong254")
    @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$", message = "error.email")
    public String email;

    /** A checkbox: present when ticked. */
    @RestForm
    public String pauseMap;

    /** A checkbox: present when ticked. */
    @RestForm
    public String enabled;

    /** Language of the alert emails. */
    @RestForm
    @Pattern(regexp = "^(en|fr)$", message = "alerts.error.language")
    public String language;

    /** The version of the rule the form was rendered with (edits only). */
    @RestForm
    public String version;

    /** A new rule: 10 errors in 15 minutes on every map, mailed in the operator's language, enabled. */
    static AlertRuleForm blank(String language) {
        AlertRuleForm form = new AlertRuleForm();
        form.tableMap = "";
        form.threshold = "10";
        form.windowMinutes = "15";
        form.language = language;
        form.enabled = "on";
        return form;
    }

    static AlertRuleForm of(AlertRule rule) {
        AlertRuleForm form = new AlertRuleForm();
        form.tableMap = rule.tableMap() == null ? "" : rule.tableMap();
        form.threshold = Integer.toString(rule.threshold());
        form.windowMinutes = Integer.toString(rule.windowMinutes());
        form.email = rule.email();
        form.pauseMap = rule.pauseMap() ? "on" : null;
        form.enabled = rule.enabled() ? "on" : null;
        form.language = rule.language();
        form.version = Long.toString(rule.version());
        return form;
    }

    /** Trims the fields and checks them; returns the errors by field (empty when the rule may be stored). */
    Map<String, String> validate(Validator validator) {
        tableMap = FormErrors.clean(tableMap);
        threshold = FormErrors.clean(threshold);
        windowMinutes = FormErrors.clean(windowMinutes);
        email = FormErrors.clean(email);
        language = language == null ? "en" : language.strip();
        Map<String, String> errors = FormErrors.of(validator.validate(this));
        if (tableMap != null && !TableMaps.ALL.contains(tableMap)) {
            errors.putIfAbsent("tableMap", "alerts.error.map");
        }
        if (!errors.containsKey("threshold") && !inRange(threshold, MAX_THRESHOLD)) {
            errors.put("threshold", "alerts.error.threshold");
        }
        if (!errors.containsKey("windowMinutes") && !inRange(windowMinutes, MAX_WINDOW_MINUTES)) {
            errors.put("windowMinutes", "alerts.error.window");
        }
        if (email == null && !pause()) {
            errors.putIfAbsent("email", "alerts.error.noAction");
        }
        return errors;
    }

    boolean pause() {
        return checked(pauseMap);
    }

    boolean isEnabled() {
        return checked(enabled);
    }

    /** The submitted version, or null when missing or not a number (the version check then refuses it). */
    Long submittedVersion() {
        return AlertRules.version(version);
    }

    private static boolean checked(String value) {
        return value != null && (value.equals("on") || value.equals("true"));
    }

    private static boolean inRange(String digits, int max) {
        long value = Long.parseLong(digits);
        return value >= 1 && value <= max;
    }
}
