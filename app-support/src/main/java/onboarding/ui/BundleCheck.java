package onboarding.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the message bundles honest (used by each app's tests): English and French have the same keys,
 * and every literal key a template asks for exists.
 */
public final class BundleCheck {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg:t\\('([A-Za-z0-9_.]+)'");

    private BundleCheck() {
    }

    /** Keys present in one language and missing in the other. */
    public static List<String> unmatchedKeys() {
        List<String> problems = new ArrayList<>();
        Set<String> en = Messages.keys(Locale.ENGLISH);
        Set<String> fr = Messages.keys(Locale.FRENCH);
        new TreeSet<>(en).stream().filter(k -> !fr.contains(k)).forEach(k -> problems.add("missing in French: " + k));
        new TreeSet<>(fr).stream().filter(k -> !en.contains(k)).forEach(k -> problems.add("missing in English: " + k));
        return problems;
    }

    /** Literal keys used by the templates under {@code templates} (a source folder) that no bundle defines. */
    public static List<String> undefinedTemplateKeys(Path templates) {
        Set<String> en = Messages.keys(Locale.ENGLISH);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!en.contains(matcher.group(1))) {
                        problems.add(templates.relativize(file) + ": " + matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }
}
