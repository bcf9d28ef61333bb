package onboarding.model;

import java.util.Locale;
import java.util.Set;

/** Email domains that say something about a company (used to flag possible duplicates). */
public final class EmailDomains {

    /** Free-mail providers: two people sharing one of these domains are not the same company. */
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "hotmail.fr", "live.com", "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "yahoo.co.uk", "icloud.com",
            "me.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "orange.fr", "wanadoo.fr", "free.fr",
            "sfr.fr", "laposte.net", "proton.me", "protonmail.com", "example.com", "mail.com", "yandex.ru");

    private EmailDomains() {
    }

    /** The company domain of an address, or null for free-mail and malformed addresses. */
    public static String companyDomain(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return domain.isEmpty() || FREE_MAIL.contains(domain) ? null : domain;
    }
}
