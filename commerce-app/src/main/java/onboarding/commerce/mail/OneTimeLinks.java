package onboarding.commerce.mail;

/**
 * Issues the one-time tokens that mails carry (activation, invitation, password reset). A mail with a link is
 * queued with {@link #PLACEHOLDER} where the token goes; {@link MailSender} asks for a fresh token right before it
 * hands the mail to the mail server and puts it in the copy that is sent. So neither the mail kept in the database
 * (shown to staff on the Emails page) nor any log holds a usable token, and a re-sent mail carries a new one.
 */
public interface OneTimeLinks {

    /** Purpose of an activation or invitation link: the person chooses their password and is signed in. */
    String ACTIVATION = "ACTIVATION";

    /** Stands for the token in a queued mail (survives HTML escaping). */
    String PLACEHOLDER = "%ONE-TIME-TOKEN%";

    /**
     * A new token for {@code customerId} and {@code purpose}, committed before the mail goes; earlier unused tokens of
     * the same purpose stop working (the newest mail is the one to use).
     */
    String issue(long customerId, String purpose);
}
