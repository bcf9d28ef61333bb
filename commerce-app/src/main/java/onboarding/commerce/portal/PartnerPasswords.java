package onboarding.commerce.portal;

import java.util.Locale;

/** The rules for a partner user's password, for activation, invitation and reset alike. */
public final class PartnerPasswords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads 72 bytes; a longer password would be accepted with any ending. */
    public static final int MAX_LENGTH = 72;

    private PartnerPasswords() {
    }

    /** The bundle key of what is wrong with the chosen password, or null when it may be used. */
    public static String problem(String password, String confirmation, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "activation.error.short";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return "activation.error.long";
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return "activation.error.characters";
        }
        if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
            return "activation.error.email";
        }
        if (!password.equals(confirmation)) {
            return "activation.error.mismatch";
        }
        return null;
    }
}
