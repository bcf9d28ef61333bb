package onboarding.sales.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Posts a form the way a browser does: GET the page first, then POST the form's fields (hidden version
 * included) with the CSRF cookie and hidden field the page handed out. Signed in through
 * {@code @TestSecurity}, or with the session cookie of a real sign-in ({@link SignIn}).
 */
public final class BrowserForm {

    private static final String CSRF = "csrf-token";
    /** Sales names its CSRF cookie apart from Commerce's (both apps may share a host). */
    private static final String CSRF_COOKIE = "sales-csrf-token";

    private final String session;
    private final String acceptLanguage;
    private final String cookie;
    private final Document page;

    private BrowserForm(String session, String acceptLanguage, String cookie, Document page) {
        this.session = session;
        this.acceptLanguage = acceptLanguage;
        this.cookie = cookie;
        this.page = page;
    }

    /** Opens {@code path} as the {@code @TestSecurity} user. */
    public static BrowserForm open(String path) {
        return open(null, path, null);
    }

    /** Opens {@code path} with a session cookie ({@code null}: the {@code @TestSecurity} user) and a language. */
    public static BrowserForm open(String session, String path, String acceptLanguage) {
        Response response = request(session, acceptLanguage).get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": HTTP " + response.statusCode());
        }
        Document page = Jsoup.parse(response.asString());
        return new BrowserForm(session, acceptLanguage, response.getCookie(CSRF_COOKIE), page);
    }

    public Document page() {
        return page;
    }

    /** The form {@code selector} (e.g. {@code #qualify-form}) of the page; fails when the page does not offer it. */
    public Element form(String selector) {
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("the page offers no " + selector);
        }
        return form;
    }

    /** Submits the form {@code selector} with its current values, {@code changes} typed over them. */
    public Response submit(String selector, Map<String, String> changes) {
        Element form = form(selector);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "select" -> {
                    Element option = input.selectFirst("option[selected]");
                    option = option != null ? option : input.selectFirst("option");
                    fields.put(name, option == null ? "" : option.attr("value"));
                }
                case "textarea" -> fields.put(name, input.text());
                default -> {
                    String type = input.attr("type");
                    if (!(type.equals("radio") || type.equals("checkbox")) || input.hasAttr("checked")) {
                        fields.put(name, input.attr("value"));
                    }
                }
            }
        }
        fields.putAll(changes);
        fields.remove(CSRF);
        return post(form.attr("action"), fields);
    }

    /** Posts {@code fields} to {@code path} with this page's CSRF token. */
    public Response post(String path, Map<String, String> fields) {
        Element token = page.selectFirst("input[name=" + CSRF + "]");
        if (token == null) {
            throw new AssertionError("no CSRF field on the page");
        }
        RequestSpecification request = request(session, acceptLanguage)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields)
                .formParam(CSRF, token.attr("value"));
        if (cookie != null) {
            request.cookie(CSRF_COOKIE, cookie);
        }
        return request.post(path);
    }

    private static RequestSpecification request(String session, String acceptLanguage) {
        RequestSpecification request = given().redirects().follow(false);
        if (session != null) {
            request.cookie(SignIn.SESSION_COOKIE, session);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request;
    }
}
