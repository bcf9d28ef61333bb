package onboarding.ui;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The language of the current page: from {@code ?lang=}, then the {@code lang} cookie, then
 * {@code Accept-Language}. Outside a request (an email rendered by a job), {@link #with} sets it.
 */
@RequestScoped
@io.quarkus.arc.Unremovable
public class UiLocale {

    private static final ThreadLocal<Locale> OVERRIDE = new ThreadLocal<>();

    private Locale locale = Locale.ENGLISH;

    public Locale get() {
        return locale;
    }

    void set(Locale locale) {
        this.locale = locale;
    }

    /** The locale in force on this thread. */
    public static Locale current() {
        Locale override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return Arc.container().instance(UiLocale.class).get().get();
        }
        return Locale.ENGLISH;
    }

    /** Runs {@code work} (e.g. rendering an email) in {@code locale}. */
    public static <T> T with(Locale locale, Supplier<T> work) {
        Locale previous = OVERRIDE.get();
        OVERRIDE.set(locale);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }
}
