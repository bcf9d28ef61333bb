package onboarding.commerce.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid signup forms, each with a fresh email, to change one field at a time. */
public final class Signups {

    private Signups() {
    }

    public static Map<String, String> valid() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companyName", "Dupont Outillage " + unique);
        form.put("firstName", "Claire");
        form.put("lastName", "Dupont");
        form.put("email", "claire." + unique + "@dupont-outillage.fr");
        form.put("phone", "+33 4 72 00 00 00");
        form.put("street", "12 rue des Forges");
        form.put("city", "Lyon");
        form.put("postalCode", "69003");
        form.put("countryCode", "FR");
        form.put("vatNumber", "FR 40 303 265 045");
        form.put("website", "https://dupont-outillage.fr");
        form.put("message", "We resell tools to 40 workshops.");
        form.put("nickname", "");
        return form;
    }

    public static Map<String, String> with(String field, String value) {
        Map<String, String> form = valid();
        form.put(field, value);
        return form;
    }
}
