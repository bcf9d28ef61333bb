package onboarding.commerce.site;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A country for select lists: ISO 3166-1 alpha-2 code and its name in the reader's language. */
public record Country(String code, String name) {

    public static List<Country> all(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }
}
