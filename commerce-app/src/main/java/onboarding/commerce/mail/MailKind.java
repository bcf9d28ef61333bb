package onboarding.commerce.mail;

/** The emails Commerce sends to partners. */
public enum MailKind {
    APPLICATION_RECEIVED,
    APPROVED,
    REJECTED
}
