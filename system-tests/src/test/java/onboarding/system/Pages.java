package onboarding.system;

import static io.restassured.RestAssured.given;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches an HTML page (expecting 200) and parses it with jsoup. */
public final class Pages {

    private Pages() {
    }

    /** The page in English. */
    public static Document get(String url) {
        return get(url, "en");
    }

    /** The page as a browser set to {@code language} gets it ({@code Accept-Language}). */
    public static Document get(String url, String language) {
        String html = given().header("Accept-Language", language).get(url)
                .then().statusCode(200).extract().asString();
        return parse(html, url);
    }

    static Document parse(String html, String url) {
        return Jsoup.parse(html, url);
    }
}
