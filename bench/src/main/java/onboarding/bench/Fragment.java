package onboarding.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Figures of one step, as {@code key=value} lines (a properties file). The load generator writes them, run.sh
 * appends what it measured in the databases, and {@link Report} reads every fragment of a run.
 */
final class Fragment {

    private final Map<String, String> values = new LinkedHashMap<>();

    Fragment put(String key, Object value) {
        values.put(key, format(value));
        return this;
    }

    Map<String, String> values() {
        return values;
    }

    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(value).replace('\n', ' ').replace("\\", "/");
    }

    /** Appends to the file (a step may add to what an earlier one wrote). */
    void appendTo(Path file) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        System.out.print(text);
    }

    /** Every {@code *.properties} file of a directory, merged (later keys win). */
    static Map<String, String> readAll(Path dir) {
        Map<String, String> all = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.stringPropertyNames().stream().sorted().forEach(k -> all.put(k, properties.getProperty(k).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir, e);
        }
        return all;
    }
}
