package onboarding.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 client (keep-alive connections, like a browser), never following redirects: cookies are
 * carried by hand per virtual user so that thousands of users share one connection pool.
 */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Accept-Language", "en")
                .header("User-Agent", "onboarding-bench/1");
    }

    HttpResponse<String> get(String url, String cookieHeader) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(url).GET();
        if (cookieHeader != null) {
            builder.header("Cookie", cookieHeader);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }

    /** The value of a cookie the response sets, if it sets it. */
    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0].trim();
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** The value of the form field {@code name} in an HTML page (e.g. the hidden CSRF token). */
    static Optional<String> inputValue(String html, String name) {
        Matcher input = INPUT.matcher(html);
        String wanted = "name=\"" + name + "\"";
        while (input.find()) {
            String tag = input.group();
            if (tag.contains(wanted)) {
                Matcher value = VALUE.matcher(tag);
                return value.find() ? Optional.of(unescape(value.group(1))) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** A short description of a failure for the error counts (status or exception class). */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
