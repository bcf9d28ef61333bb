package onboarding.system;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches an HTML page (expecting 200) as the app's demo user and parses it with jsoup. */
public final class Pages {

    /** UTF-8 forms, and no request that waits forever on an app that hangs. */
    static final RestAssuredConfig HTTP = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8))
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 30_000));

    private Pages() {
    }

    /** The page in English. */
    public static Document get(String url) {
        return get(url, "en");
    }

    /**
     * The page as a browser set to {@code language} gets it ({@code Accept-Language}). Pages behind the
     * sign-in are fetched as the demo user of that app (Commerce staff {@code hq}, Sales {@code alice}),
     * signed in through the form the first time. To act as another user, or to post forms, use a
     * {@link WebSession} of your own ({@link SystemUnderTest#commerceAs}, {@link SystemUnderTest#salesAs}).
     */
    public static Document get(String url, String language) {
        return demoSession(url).get(url, language).document();
    }

    /** One signed-in session per app (scheme://host:port). */
    private static final Map<String, WebSession> SESSIONS = new ConcurrentHashMap<>();

    /** Demo sign-ins: the first one the app accepts is used. */
    private static final List<String[]> DEMO_USERS = List.of(new String[] { "hq", "hq-demo" },
            new String[] { "alice", "alice-demo" });

    private static WebSession demoSession(String url) {
        URI uri = URI.create(url);
        return SESSIONS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), origin -> {
            AssertionError refused = new AssertionError("no demo user could sign in at " + origin);
            for (String[] user : DEMO_USERS) {
                try {
                    return WebSession.signIn(origin, user[0], user[1]);
                } catch (AssertionError e) {
                    refused.addSuppressed(e);
                }
            }
            throw refused;
        });
    }

    /** The id at the end of a record's page path or URL, e.g. 12 for {@code /leads/12}. */
    public static long idOf(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    static Document parse(String html, String url) {
        return Jsoup.parse(html, url);
    }
}
