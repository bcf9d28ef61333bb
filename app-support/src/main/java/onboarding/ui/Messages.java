package onboarding.ui;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The message bundles {@code i18n/msg.properties} (English) and {@code i18n/msg_fr.properties}
 * (French), merged from every jar that ships them (the bridge's console keys and the app's own).
 * Placeholders are {@code {0}}, {@code {1}}, ... (no MessageFormat quoting, so French apostrophes stay simple).
 */
public final class Messages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Map<String, Map<String, String>> BUNDLES = new HashMap<>();

    static {
        BUNDLES.put("en", load("i18n/msg.properties"));
        BUNDLES.put("fr", load("i18n/msg_fr.properties"));
    }

    private Messages() {
    }

    /** The text of {@code key} in {@code locale} (English when missing), with arguments filled in. */
    public static String get(Locale locale, String key, Object... args) {
        String text = bundle(locale).get(key);
        if (text == null) {
            text = BUNDLES.get("en").getOrDefault(key, "??" + key + "??");
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", args[i] == null ? "" : String.valueOf(args[i]));
        }
        return text;
    }

    public static Set<String> keys(Locale locale) {
        return bundle(locale).keySet();
    }

    /** The supported locale closest to {@code language} ("fr-CA" gives French; anything else English). */
    public static Locale supported(String language) {
        if (language != null && language.toLowerCase(Locale.ROOT).startsWith("fr")) {
            return Locale.FRENCH;
        }
        return Locale.ENGLISH;
    }

    private static Map<String, String> bundle(Locale locale) {
        return BUNDLES.getOrDefault(locale.getLanguage(), BUNDLES.get("en"));
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> merged = new HashMap<>();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Enumeration<URL> urls = (loader != null ? loader : Messages.class.getClassLoader()).getResources(resource);
            while (urls.hasMoreElements()) {
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(urls.nextElement().openStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.forEach((k, v) -> merged.put((String) k, (String) v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged;
    }
}
