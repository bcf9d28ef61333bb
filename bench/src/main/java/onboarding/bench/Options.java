package onboarding.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the form {@code --name value}; every option a command reads must be given or defaulted. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + arg);
            }
            values.put(arg.substring(2), args[++i]);
        }
    }

    private Options(Map<String, String> values) {
        this.values.putAll(values);
    }

    /** A copy with one option replaced. */
    Options with(String name, String value) {
        Options copy = new Options(values);
        copy.values.put(name, value);
        return copy;
    }

    String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    Path path(String name) {
        return Path.of(string(name));
    }

    /** Base URL of an app under test; only the loopback interface is allowed. */
    String loopbackUrl(String name) {
        String url = string(name);
        if (!url.matches("http://127\\.0\\.0\\.1:\\d+")) {
            throw new IllegalArgumentException("--" + name + " must be http://127.0.0.1:<port>, got " + url);
        }
        return url;
    }
}
