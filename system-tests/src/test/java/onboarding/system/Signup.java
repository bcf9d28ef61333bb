package onboarding.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a requester types in the partner signup form. Samples are unique per run (company, email, company
 * domain and VAT number), so that a sample is a possible duplicate of no other unless a test makes it one
 * ({@link #withEmail}, {@link #withVatNumber}).
 */
public record Signup(String companyName, String firstName, String lastName, String email, String phone,
        String street, String city, String postalCode, String countryCode, String vatNumber, String website,
        String message) {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long RUN_DIGITS = System.currentTimeMillis() / 1000 % 1_000_000;
    private static final AtomicInteger VAT_COUNTER = new AtomicInteger();

    /** An English-speaking requester with every field filled in. */
    public static Signup sample() {
        String tag = nextTag();
        return new Signup("Acme Tools " + tag, "Jane", "Doe", "jane.doe@acme-" + tag + ".example",
                "+44 20 7946 0000", "1 Station Road", "Leeds", "LS1 4DY", "GB", "GB" + uniqueDigits(),
                "https://www.acme-" + tag + ".example", "We resell tools to workshops.");
    }

    /** A French-speaking requester, with accents in the names and address. */
    public static Signup frenchSample() {
        String tag = nextTag();
        return new Signup("Outillage Élodie " + tag, "Élodie", "Lefèvre", "elodie.lefevre@outillage-" + tag + ".example",
                "+33 4 72 00 00 00", "12 rue de la République", "Besançon", "25000", "FR", "FR" + uniqueDigits(),
                "", "Nous revendons de l'outillage aux garages.");
    }

    public Signup withEmail(String newEmail) {
        return new Signup(companyName, firstName, lastName, newEmail, phone, street, city, postalCode, countryCode,
                vatNumber, website, message);
    }

    public Signup withVatNumber(String newVatNumber) {
        return new Signup(companyName, firstName, lastName, email, phone, street, city, postalCode, countryCode,
                newVatNumber, website, message);
    }

    public String contactName() {
        return firstName + " " + lastName;
    }

    /** The posted fields, the empty honeypot included (the CSRF token is added by {@link SignupClient}). */
    Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("companyName", companyName);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("street", street);
        fields.put("city", city);
        fields.put("postalCode", postalCode);
        fields.put("countryCode", countryCode);
        fields.put("vatNumber", vatNumber);
        fields.put("website", website);
        fields.put("message", message);
        fields.put("nickname", "");
        return fields;
    }

    /** 11 digits, different for every sample of the run (and, in practice, from those of earlier runs). */
    private static String uniqueDigits() {
        return "%06d%05d".formatted(RUN_DIGITS, VAT_COUNTER.incrementAndGet() % 100_000);
    }

    private static String nextTag() {
        return (RUN + "-" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
    }
}
