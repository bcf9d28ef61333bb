package onboarding.ui.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in form's check: throttled ({@link SignInThrottle}), the name looked up in each {@link SignInDirectory}
 * in turn, the password compared with its bcrypt hash; a success starts a session ({@link Sessions}). An unknown
 * name costs the same bcrypt comparison as a known one, so the time of the answer does not tell which names exist.
 */
@ApplicationScoped
public class SignInService {

    /** Longer names are not looked up (no user has one); they still count as failures. */
    static final int MAX_NAME = 254;

    /** The outcome: a session token and where to go, or a refusal (bundle key) with the wait before the next try. */
    public record Outcome(String token, String landingPage, String errorKey, Duration retryAfter) {
        public boolean signedIn() {
            return token != null;
        }
    }

    private final List<SignInDirectory> directories;
    private final SignInThrottle throttle;
    private final Sessions sessions;

    SignInService(Instance<SignInDirectory> directories, SignInThrottle throttle, Sessions sessions) {
        this.directories = directories.stream().sorted(Comparator.comparingInt(SignInDirectory::priority)).toList();
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public Outcome signIn(String name, String password, String address, String userAgent) {
        String typed = name == null ? "" : name.strip();
        Optional<Duration> wait = throttle.refusedFor(typed, address);
        if (wait.isPresent()) {
            return new Outcome(null, null, "login.throttled", wait.get());
        }
        Found found = lookable(typed) ? QuarkusTransaction.requiringNew().call(() -> find(typed)) : null;
        String hash = found == null || found.account().passwordHash() == null ? DummyHash.VALUE
                : found.account().passwordHash();
        boolean matches = password != null && !password.isEmpty() && password.length() <= 1000
                && BcryptUtil.matches(password, hash);
        if (found == null || found.account().passwordHash() == null || !matches) {
            throttle.failed(typed, address);
            return new Outcome(null, null, "login.error", null);
        }
        throttle.succeeded(typed);
        String token = sessions.start(found.directory().realm(), found.account().subject(), address, userAgent);
        return new Outcome(token, found.directory().landingPage(), null, null);
    }

    private record Found(SignInDirectory directory, SignInDirectory.Account account) {
    }

    private Found find(String name) {
        for (SignInDirectory directory : directories) {
            Optional<SignInDirectory.Account> account = directory.account(name);
            if (account.isPresent()) {
                return new Found(directory, account.get());
            }
        }
        return null;
    }

    /** A name worth a database lookup: not empty, not too long, no control characters. */
    static boolean lookable(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME && name.codePoints().noneMatch(Character::isISOControl);
    }

    /** A bcrypt hash of a random secret (cost 10, like the users'), computed at the first unknown name. */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash(Tokens.random());
    }
}
