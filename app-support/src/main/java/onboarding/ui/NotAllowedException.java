package onboarding.ui;

/**
 * An action the signed-in user may not take on this record (another salesperson's lead, say), although the record's
 * state would allow it: the user gets a 403 page with the message (a bundle key and its arguments, which say who may
 * take it) and nothing is changed. Rendered by {@link ConflictMapper} like a {@link ConflictException}.
 */
public class NotAllowedException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public NotAllowedException(String messageKey, Object... args) {
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
}
