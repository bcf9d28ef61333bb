package onboarding.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The REST routes an app serves, found from its classes (every class under {@code onboarding} with {@code @Path}, in
 * the app and in the modules it uses), so that a test of who may use which route covers a route added tomorrow.
 */
public final class Routes {

    /** One route: HTTP method and path template, e.g. {@code POST /leads/{id}/qualify}. */
    public record Route(String method, String path) implements Comparable<Route> {
        /** The path with its parameters filled in ({@code {id}} → {@code 1}, {@code {name}} → the given map name). */
        public String concrete(String mapName) {
            return path.replaceAll("\\{name(:[^}]*)?}", mapName).replaceAll("\\{[^}]+}", "1");
        }

        @Override
        public int compareTo(Route other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private Routes() {
    }

    /** Every route of the classes under package {@code onboarding} visible to this class loader. */
    public static List<Route> all() {
        Set<Route> routes = new TreeSet<>();
        for (Class<?> type : classes("onboarding")) {
            jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                routes.add(new Route(http, join(base.value(), sub == null ? "" : sub.value())));
            }
        }
        return List.copyOf(routes);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod http = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (http != null && HTTP_METHODS.contains(http.value())) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> classes(String pkg) {
        List<Class<?>> found = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Enumeration<URL> roots = loader.getResources(pkg.replace('.', '/'));
            for (URL root : Collections.list(roots)) {
                for (String name : classNames(root, pkg)) {
                    try {
                        found.add(Class.forName(name, false, loader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not loadable here (e.g. a test class of another module): not a route of this app
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> classNames(URL root, String pkg) throws IOException {
        List<String> names = new ArrayList<>();
        if (root.getProtocol().equals("file")) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).forEach(f -> names
                        .add(pkg + "." + dir.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
            }
        } else if (root.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(pkg.replace('.', '/') + "/") && n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(n.replace('/', '.').replaceAll("\\.class$", "")));
            }
        }
        return names;
    }
}
