package onboarding.sales.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import onboarding.model.CompanyInfo;
import onboarding.model.ContactInfo;

/** Test data that does not collide with other tests' data (own domain, own VAT number). */
public final class Fixtures {

    private Fixtures() {
    }

    public static String domain() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    public static String vat() {
        return "FR" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
    }

    public static CompanyInfo company() {
        return company(domain(), vat());
    }

    public static CompanyInfo company(String domain, String vat) {
        return new CompanyInfo("Outillage " + domain, "12 rue des Forges", "Lyon", "69003", "FR", vat,
                "https://www." + domain);
    }

    public static ContactInfo contact() {
        return contact("claire@" + domain());
    }

    public static ContactInfo contact(String email) {
        return new ContactInfo("Claire", "Dupont", email, "+33 4 72 00 00 00");
    }
}
