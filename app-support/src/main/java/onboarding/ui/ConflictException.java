package onboarding.ui;

/**
 * An action that the record's current state does not allow (an illegal transition, a stale page): the
 * user gets a 409 page with the message (a bundle key and its arguments) and nothing is changed.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /** Throws when the version a form was rendered with is not the record's current version. */
    public static void checkVersion(long current, Long submitted) {
        if (submitted == null || submitted != current) {
            throw new ConflictException("conflict.changed");
        }
    }
}
