package onboarding.system;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches an HTML page (expecting 200) and parses it with jsoup. */
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
     * signing in through the form the first time.
     */
    public static Document get(String url, String language) {
        String origin = origin(url);
        var response = given().config(HTTP).redirects().follow(false).header("Accept-Language", language)
                .cookies(SESSIONS.getOrDefault(origin, Map.of())).get(url);
        if (response.statusCode() == 302 && response.header("Location").contains("/login")) {
            signIn(origin);
            response = given().config(HTTP).redirects().follow(false).header("Accept-Language", language)
                    .cookies(SESSIONS.get(origin)).get(url);
        }
        String html = response.then().statusCode(200).extract().asString();
        return parse(html, url);
    }

    /** Session cookies per app (scheme://host:port). */
    private static final Map<String, Map<String, String>> SESSIONS = new ConcurrentHashMap<>();

    /** Demo sign-ins: the first one the app accepts is used. */
    private static final List<String[]> DEMO_USERS = List.of(new String[] { "hq", "hq-demo" },
            new String[] { "alice", "alice-demo" });

    /** Signs in to the app at {@code origin} as its demo user and keeps the session cookie. */
    public static Map<String, String> signIn(String origin) {
        for (String[] user : DEMO_USERS) {
            var login = given().config(HTTP).redirects().follow(false)
                    .formParam("j_username", user[0]).formParam("j_password", user[1])
                    .post(origin + "/j_security_check");
            var session = login.getCookies().entrySet().stream()
                    .filter(cookie -> cookie.getKey().endsWith("credential")).findFirst();
            if (login.statusCode() == 302 && session.isPresent() && !login.header("Location").contains("error")) {
                SESSIONS.put(origin, Map.of(session.get().getKey(), session.get().getValue()));
                return SESSIONS.get(origin);
            }
        }
        throw new AssertionError("no demo user could sign in at " + origin);
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    static Document parse(String html, String url) {
        return Jsoup.parse(html, url);
    }
}
