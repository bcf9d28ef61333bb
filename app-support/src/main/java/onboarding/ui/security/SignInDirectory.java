package onboarding.ui.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * People who may sign in with the sign-in form, as one app knows them: staff users ({@link StaffDirectory}, both
 * apps) and, in Commerce, partner users. A session stores the directory's {@link #realm()} and the person's
 * {@link Account#subject()}; every request asks the directory for the person's identity afresh, so a deactivated
 * person or a changed role takes effect at the next request.
 */
public interface SignInDirectory {

    /** What a password check needs: the key the session keeps, and the bcrypt hash (Modular Crypt Format). */
    record Account(String subject, String passwordHash) {
    }

    /** Stored with each session, e.g. {@code staff}; unique among the app's directories. */
    String realm();

    /** The account the name typed into the sign-in form names, if this directory has it and it may sign in. */
    Optional<Account> account(String name);

    /** The identity of a session's subject, read afresh; empty when the subject may no longer sign in. */
    Optional<SecurityIdentity> identity(String subject);

    /** Where a sign-in lands when the form did not ask for a page. */
    String landingPage();

    /** Directories are asked in this order (lowest first) for the name typed into the form. */
    default int priority() {
        return 100;
    }
}
