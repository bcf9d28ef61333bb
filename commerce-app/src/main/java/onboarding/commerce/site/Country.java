package onboarding.commerce.site;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A country for select lists: ISO 3166-1 alpha-2 code and its name in the reader's language. */
public record Country(String code, String name) {

    /** Per language: the list is the same for every page view (250 names sorted with a collator otherwise). */
    private static final Map<Locale, List<Country>> BY_LOCALE = new ConcurrentHashMap<>();

    public static List<Country> all(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, Country::sorted);
    }

    private static List<Country> sorted(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }
}
