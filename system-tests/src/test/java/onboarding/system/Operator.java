package onboarding.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A signed-in person in one app, as a browser is: any user (e.g. Commerce {@code admin} on the dual-write
 * console, Sales {@code alice} or {@code maria}), its own cookies (session and CSRF), pages fetched with GET
 * and forms posted the way the page renders them (hidden CSRF field included), redirects not followed.
 */
public final class Operator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String origin;
    private final String user;
    private final String password;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    private Operator(String origin, String user, String password) {
        this.origin = origin;
        this.user = user;
        this.password = password;
    }

    /** Signs in at {@code origin} (e.g. {@code app.url()}) through the login form. */
    public static Operator signIn(String origin, String user, String password) {
        Operator operator = new Operator(origin, user, password);
        operator.login();
        return operator;
    }

    private void login() {
        cookies.clear();
        HttpResponse<String> page = send("GET", "/login", null);
        Element token = Pages.parse(page.body(), origin + "/login").selectFirst("form[action=/login] input[name=csrf-token]");
        if (page.statusCode() != 200 || token == null) {
            throw new AssertionError("no sign-in form at " + origin + "/login: " + page.statusCode());
        }
        HttpResponse<String> answer = send("POST", "/login",
                Map.of("csrf-token", token.val(), "j_username", user, "j_password", password));
        if (answer.statusCode() != 303 || cookies.keySet().stream().noneMatch(name -> name.endsWith("-session"))) {
            throw new AssertionError(user + " could not sign in at " + origin + ": " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
    }

    /** GET a page (200 expected; signs in again once when the session is gone, e.g. after a restart). */
    public Document get(String path) {
        HttpResponse<String> answer = send("GET", path, null);
        if (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login")) {
            login();
            answer = send("GET", path, null);
        }
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + path + " as " + user + ": " + answer.statusCode() + "\n" + answer.body());
        }
        return Pages.parse(answer.body(), origin + path);
    }

    /**
     * Posts the form of {@code pagePath} matched by {@code formSelector} with its rendered fields (hidden
     * ones, text values, checked boxes and radios) and {@code overrides}; returns the answer (303 expected
     * by most callers).
     */
    public HttpResponse<String> submit(String pagePath, String formSelector, Map<String, String> overrides) {
        Document page = get(pagePath);
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + pagePath + " as " + user);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element option = input.selectFirst("option[selected]");
                option = option == null ? input.selectFirst("option") : option;
                fields.put(input.attr("name"), option == null ? "" : option.val());
            } else if (input.tagName().equals("textarea")) {
                fields.put(input.attr("name"), input.text());
            } else {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.putAll(overrides);
        return send("POST", form.attr("action"), fields);
    }

    /** {@link #submit} expecting the 303 of a saved form. */
    public void submitExpectingRedirect(String pagePath, String formSelector, Map<String, String> overrides) {
        HttpResponse<String> answer = submit(pagePath, formSelector, overrides);
        if (answer.statusCode() != 303) {
            throw new AssertionError("POST of " + formSelector + " on " + pagePath + " as " + user + ": "
                    + answer.statusCode() + "\n" + answer.body());
        }
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "en");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (form == null) {
            request.GET();
        } else {
            String body = form.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : answer.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq).trim());
                    } else {
                        cookies.put(pair.substring(0, eq).trim(), value);
                    }
                }
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " as " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
