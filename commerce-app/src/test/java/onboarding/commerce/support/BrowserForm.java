package onboarding.commerce.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts a form the way a browser does: GET the page first, then POST the fields with the CSRF cookie
 * and hidden field the page handed out.
 */
public final class BrowserForm {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String cookie;
    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private BrowserForm(String cookie, String token) {
        this.cookie = cookie;
        this.token = token;
    }

    /** Opens {@code path} (with optional Accept-Language) and keeps its CSRF token. */
    public static BrowserForm open(String path, String acceptLanguage) {
        var request = given().redirects().follow(false);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        Response page = request.get(path);
        Matcher matcher = HIDDEN_TOKEN.matcher(page.asString());
        if (page.statusCode() != 200 || !matcher.find()) {
            throw new AssertionError("no form with a CSRF token at " + path + ": HTTP " + page.statusCode());
        }
        BrowserForm form = new BrowserForm(page.getCookie("csrf-token"), matcher.group(1));
        if (acceptLanguage != null) {
            form.headers.put("Accept-Language", acceptLanguage);
        }
        return form;
    }

    public Response post(String path, Map<String, String> fields) {
        return given().redirects().follow(false)
                .headers(headers)
                .cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields)
                .formParam("csrf-token", token)
                .post(path);
    }
}
