package onboarding.system;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.nio.charset.StandardCharsets;
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

    /** The page as a browser set to {@code language} gets it ({@code Accept-Language}). */
    public static Document get(String url, String language) {
        String html = given().config(HTTP).header("Accept-Language", language).get(url)
                .then().statusCode(200).extract().asString();
        return parse(html, url);
    }

    static Document parse(String html, String url) {
        return Jsoup.parse(html, url);
    }
}
