package onboarding.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One browser at one app: a cookie jar (session cookie, CSRF cookie, language) kept from response to
 * response, GETs of pages and POSTs of their forms as a browser sends them. Redirects are never followed
 * on their own, so a test sees each {@code 303}. Signed in as a user through the sign-in form
 * ({@link #signIn}), or anonymous (public pages such as the signup form or an activation link).
 */
public final class WebSession {

    /** Longest wait for something replication brings (the design promises a second; a busy CI machine is slower). */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String origin;
    private final String user;
    private final String password;
    private final String language;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebSession(String origin, String user, String password, String language) {
        this.origin = origin(origin);
        this.user = user;
        this.password = password;
        this.language = language;
    }

    /** A visitor who has not signed in, whose browser is set to {@code language}. */
    public static WebSession anonymous(String appUrl, String language) {
        return new WebSession(appUrl, null, null, language);
    }

    /** Signs in to the app at {@code appUrl} through its sign-in form (English pages). */
    public static WebSession signIn(String appUrl, String user, String password) {
        WebSession session = new WebSession(appUrl, user, password, "en");
        session.signIn();
        return session;
    }

    public String origin() {
        return origin;
    }

    /** The signed-in user, null when anonymous. */
    public String user() {
        return user;
    }

    /** The page at {@code pathOrUrl} (expecting 200); signs in again should the session have ended. */
    public WebPage get(String pathOrUrl) {
        return get(pathOrUrl, language);
    }

    /** The page as a browser set to {@code acceptLanguage} gets it. */
    public WebPage get(String pathOrUrl, String acceptLanguage) {
        String url = resolve(pathOrUrl);
        Response response = fetch(url, acceptLanguage);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + (user == null ? "" : " as " + user) + ": HTTP "
                    + response.statusCode() + location(response) + "\n" + excerpt(response));
        }
        return new WebPage(this, url, Pages.parse(response.asString(), url));
    }

    /**
     * Reloads the page at {@code pathOrUrl} until {@code condition} holds (bounded: what replication
     * brings must arrive within {@link #WAIT}), then gives it.
     */
    public WebPage await(String pathOrUrl, String description, Predicate<WebPage> condition) {
        return Awaitility.await(description + " (" + pathOrUrl + ")").atMost(WAIT).pollInterval(POLL)
                .until(() -> get(pathOrUrl), condition);
    }

    /** Whatever {@code pathOrUrl} answers (any status, redirect not followed), e.g. a 410 for a used link. */
    public Response fetch(String pathOrUrl) {
        return fetch(resolve(pathOrUrl), language);
    }

    /** Posts {@code fields} as {@code application/x-www-form-urlencoded} (what {@link WebForm#submit()} sends). */
    Response post(String pathOrUrl, List<Map.Entry<String, String>> fields) {
        RequestSpecification request = request(language).contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> field : fields) {
            request.formParam(field.getKey(), field.getValue());
        }
        return keep(request.post(resolve(pathOrUrl)));
    }

    /** {@code pathOrUrl} as an absolute URL of this app (a Location header may be either). */
    public String resolve(String pathOrUrl) {
        return URI.create(origin + "/").resolve(pathOrUrl).toString();
    }

    private Response fetch(String url, String acceptLanguage) {
        Response response = keep(request(acceptLanguage).get(url));
        if (user != null && isSignInRedirect(response)) {
            signIn();
            response = keep(request(acceptLanguage).get(url));
        }
        return response;
    }

    private void signIn() {
        Response page = keep(request(language).get(origin + "/login"));
        Element token = Jsoup.parse(page.asString()).selectFirst("form[action=/login] input[name=csrf-token]");
        if (page.statusCode() != 200 || token == null) {
            throw new AssertionError("no sign-in form at " + origin + "/login: HTTP " + page.statusCode());
        }
        Response login = keep(request(language).contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParam("csrf-token", token.val()).formParam("j_username", user).formParam("j_password", password)
                .post(origin + "/login"));
        boolean session = cookies.keySet().stream().anyMatch(name -> name.endsWith("-session"));
        if (login.statusCode() != 303 || !session) {
            throw new AssertionError("could not sign in as " + user + " at " + origin + ": HTTP " + login.statusCode()
                    + location(login));
        }
    }

    private RequestSpecification request(String acceptLanguage) {
        RequestSpecification request = given().config(Pages.HTTP).redirects().follow(false);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        synchronized (cookies) {
            if (!cookies.isEmpty()) {
                request.cookies(Map.copyOf(cookies));
            }
        }
        return request;
    }

    /** Keeps what the response sets (a refreshed session, a CSRF token) and forgets what it expires. */
    private Response keep(Response response) {
        synchronized (cookies) {
            for (Cookie cookie : response.getDetailedCookies()) {
                boolean expired = cookie.getValue() == null || cookie.getValue().isEmpty()
                        || (cookie.hasMaxAge() && cookie.getMaxAge() <= 0);
                if (expired) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }

    private static boolean isSignInRedirect(Response response) {
        return response.statusCode() == 302 && location(response).contains("/login");
    }

    static String location(Response response) {
        String location = response.header("Location");
        return location == null ? "" : " to " + location;
    }

    static String excerpt(Response response) {
        String body = response.asString();
        Element main = Pages.parse(body, "").selectFirst("main");
        String text = main != null ? main.text() : body;
        return text.length() > 600 ? text.substring(0, 600) + " …" : text;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** A page as received, and the session it was received in (to post its forms). */
    public record WebPage(WebSession session, String url, Document document) {

        /** The form {@code selector} (e.g. {@code #qualify-form}); fails when the page does not offer it. */
        public WebForm form(String selector) {
            Element form = document.selectFirst(selector);
            if (form == null || !form.tagName().equals("form")) {
                throw new AssertionError(url + " offers no form " + selector);
            }
            return new WebForm(this, form);
        }

        /** The texts of the page's timeline entries (both apps show the bridge's timeline). */
        public List<String> timeline() {
            return document.select("#timeline li.timeline-entry .text").eachText();
        }

        /** Where the timeline entry whose text contains {@code text} links to; fails when there is none. */
        public String timelineLink(String text) {
            return document.select("#timeline li.timeline-entry").stream()
                    .filter(entry -> entry.select(".text").text().contains(text))
                    .map(entry -> entry.selectFirst("a[href]")).filter(java.util.Objects::nonNull)
                    .map(link -> link.absUrl("href")).findFirst()
                    .orElseThrow(() -> new AssertionError("no timeline entry with a link and \"" + text + "\" on " + url));
        }

        /** The text of the first element matching {@code selector}, or "" when there is none. */
        public String text(String selector) {
            Element element = document.selectFirst(selector);
            return element == null ? "" : element.text();
        }

        /** For failure messages: the address and the start of the main content, not the whole document. */
        @Override
        public String toString() {
            org.jsoup.nodes.Element main = document.selectFirst("main");
            String text = main != null ? main.text() : document.text();
            return url + ": " + (text.length() > 400 ? text.substring(0, 400) + " …" : text);
        }

        /** The path of this page (no origin), e.g. {@code /leads/12}. */
        public String path() {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    /**
     * A form of a page, filled in like a person does: its fields keep what the page put in them (hidden
     * version and CSRF token included) unless {@link #set}, {@link #check} or {@link #choose} change them;
     * unchecked boxes and radios are not sent. Changing a field the form does not have fails.
     */
    public static final class WebForm {

        private final WebPage page;
        private final Element form;
        private final Map<String, String> changes = new LinkedHashMap<>();

        WebForm(WebPage page, Element form) {
            this.page = page;
            this.form = form;
        }

        /** Types {@code value} into the text field, text area or select {@code name}. */
        public WebForm set(String name, String value) {
            Element field = field(name);
            if (field.tagName().equals("select") && field.selectFirst("option[value=" + cssString(value) + "]") == null) {
                throw new AssertionError("select " + name + " of " + page.url() + " has no option " + value);
            }
            changes.put(name, value);
            return this;
        }

        /** Ticks the checkbox {@code name}. */
        public WebForm check(String name) {
            Element box = form.selectFirst("input[type=checkbox][name=" + name + "]");
            if (box == null) {
                throw new AssertionError("form " + form.attr("action") + " has no checkbox " + name);
            }
            changes.put(name, box.hasAttr("value") ? box.attr("value") : "on");
            return this;
        }

        /** Picks the radio button {@code name} of value {@code value}. */
        public WebForm choose(String name, String value) {
            if (form.selectFirst("input[type=radio][name=" + name + "][value=" + cssString(value) + "]") == null) {
                throw new AssertionError("form " + form.attr("action") + " has no radio " + name + "=" + value);
            }
            changes.put(name, value);
            return this;
        }

        /** Posts the form (its CSRF field and the session's CSRF cookie with it); the redirect is not followed. */
        public Response submit() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name], select[name], textarea[name]")) {
                String name = input.attr("name");
                switch (input.tagName()) {
                    case "select" -> {
                        Element option = input.selectFirst("option[selected]");
                        option = option != null ? option : input.selectFirst("option");
                        fields.put(name, option == null ? "" : option.attr("value"));
                    }
                    case "textarea" -> fields.put(name, input.wholeText());
                    default -> {
                        String type = input.attr("type");
                        if (type.equals("submit") || type.equals("button") || type.equals("reset")) {
                            continue;
                        }
                        if (!(type.equals("radio") || type.equals("checkbox")) || input.hasAttr("checked")) {
                            fields.put(name, input.attr("value"));
                        }
                    }
                }
            }
            fields.putAll(changes);
            String action = form.hasAttr("action") ? form.attr("action") : page.path();
            return page.session().post(page.session().resolve(action), List.copyOf(fields.entrySet()));
        }

        /**
         * Posts the form, expects a redirect (POST-redirect-GET) and gives where it leads: a path (with its
         * query) when it stays in this app, e.g. {@code /opportunities/12}, else the URL.
         */
        public String submitAndRedirect() {
            Response response = submit();
            if (response.statusCode() != 303 && response.statusCode() != 302) {
                throw new AssertionError("POST " + form.attr("action") + " from " + page.url() + ": expected a"
                        + " redirect, got HTTP " + response.statusCode() + "\n" + excerpt(response));
            }
            String target = page.session().resolve(response.header("Location"));
            String origin = page.session().origin();
            return target.startsWith(origin + "/") ? target.substring(origin.length()) : target;
        }

        /** Posts the form and opens the page it redirects to. */
        public WebPage submitAndFollow() {
            return page.session().get(submitAndRedirect());
        }

        private Element field(String name) {
            Element field = form.selectFirst("input[name=" + name + "], select[name=" + name + "], textarea[name=" + name + "]");
            if (field == null) {
                throw new AssertionError("form " + form.attr("action") + " of " + page.url() + " has no field " + name);
            }
            return field;
        }

        private static String cssString(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
