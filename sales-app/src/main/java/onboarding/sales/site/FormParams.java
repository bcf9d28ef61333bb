package onboarding.sales.site;

import jakarta.ws.rs.core.SecurityContext;
import onboarding.model.DecisionReason;

/** Reads the plain values forms post (hidden versions, selects, checkboxes) without failing on crafted input. */
public final class FormParams {

    private FormParams() {
    }

    /** The number, or null when missing or not a number (a version check then refuses it). */
    public static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A record picked among radio buttons where none means "a new one": null when nothing was picked, the id, or
     * {@code 0} (no record's id: ids start at 1) when a value was posted that is not a number, so that it is refused
     * as an unknown record instead of being read as "a new one".
     */
    public static Long pickedId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long id = number(value);
        return id == null ? 0L : id;
    }

    /** The reason, or null when missing or unknown. */
    public static DecisionReason reason(String value) {
        if (value == null) {
            return null;
        }
        for (DecisionReason reason : DecisionReason.values()) {
            if (reason.name().equals(value.trim())) {
                return reason;
            }
        }
        return null;
    }

    /** Whether a checkbox was ticked. */
    public static boolean checked(String value) {
        return value != null && (value.equals("true") || value.equals("on"));
    }

    /** The signed-in user's name (every page but sign-in needs one). */
    public static String user(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
