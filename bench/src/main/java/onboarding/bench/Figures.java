package onboarding.bench;

import java.util.Map;
import java.util.Optional;

/** The figures of a run ({@code key=value}, as the fragments hold them), read as numbers or text. */
final class Figures {

    private final Map<String, String> raw;

    Figures(Map<String, String> raw) {
        this.raw = raw;
    }

    Map<String, String> raw() {
        return raw;
    }

    Optional<Double> num(String key) {
        String value = raw.get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(value.trim());
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean has(String key) {
        return num(key).isPresent();
    }

    boolean flag(String key) {
        return "true".equals(raw.get(key));
    }

    String text(String key, String fallback) {
        String value = raw.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    Optional<String> text(String key) {
        String value = raw.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
