package onboarding.ui.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import onboarding.ui.testing.Routes.Route;

/**
 * Who may use which route: access rules by path (first match wins), visitors (cookies, and the rules that let them
 * in), and the checks every app's route test runs over {@link Routes#all()}: each route answers each visitor as its
 * rule says (in: anything but a sign-in redirect, 401 or 403; out: the sign-in page when anonymous, 403 when signed
 * in; never a 5xx), and an unsafe request without the page's CSRF token is refused with 400 whatever its content type.
 */
public final class AccessMatrix {

    /** A kind of visitor: its cookies, the rules that let it in, and whether it is signed in at all. */
    public record Visitor(String name, Map<String, String> cookies, Set<String> allowedBy, boolean signedIn) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<Pattern, String> rules = new LinkedHashMap<>();
    private final String csrfCookie;
    private final String mapName;

    /** {@code csrfCookie}: the app's CSRF cookie name; {@code mapName}: a table map to put in {@code {name}}. */
    public AccessMatrix(String csrfCookie, String mapName) {
        this.csrfCookie = csrfCookie;
        this.mapName = mapName;
    }

    public AccessMatrix rule(String pathRegex, String rule) {
        rules.put(Pattern.compile(pathRegex), rule);
        return this;
    }

    public String ruleOf(Route route) {
        return rules.entrySet().stream().filter(e -> e.getKey().matcher(route.path()).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The routes no rule covers (should be none). */
    public List<Route> unruled(List<Route> routes) {
        return routes.stream().filter(r -> ruleOf(r) == null).toList();
    }

    /** Every answer of a route to a visitor that is not what the route's rule says. */
    public List<String> violations(List<Route> routes, List<Visitor> visitors) {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String rule = ruleOf(route);
            for (Visitor visitor : visitors) {
                Response answer = send(route, visitor, "application/x-www-form-urlencoded");
                String problem = check(visitor.allowedBy().contains(rule), visitor.signedIn(), answer);
                if (problem != null) {
                    wrong.add(route + " as " + visitor + ": " + problem);
                }
            }
        }
        return wrong;
    }

    /**
     * For every unsafe route, as the first visitor its rule lets in: posts of each content type (form, multipart,
     * text, JSON, no body) without the CSRF token; every answer that is not a refusal (400, or 415 for a body that is
     * not a form).
     */
    public List<String> csrfViolations(List<Route> routes, List<Visitor> visitors) {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            if (route.method().equals("GET") || route.method().equals("HEAD")) {
                continue;
            }
            String rule = ruleOf(route);
            Visitor allowed = visitors.stream().filter(v -> v.allowedBy().contains(rule)).findFirst().orElseThrow();
            for (String type : new String[] { "application/x-www-form-urlencoded", "multipart/form-data", "text/plain",
                    "application/json", null }) {
                int status = send(route, allowed, type).statusCode();
                // 400: refused by the CSRF filter; 415: a form-only resource refuses the content type before it
                if (status != 400 && !(status == 415 && type != null && !type.equals("application/x-www-form-urlencoded"))) {
                    wrong.add(route + " as " + allowed + " with " + type + ": " + status);
                }
            }
        }
        return wrong;
    }

    static String check(boolean allowed, boolean signedIn, Response answer) {
        int status = answer.statusCode();
        String location = answer.header("Location");
        boolean toSignIn = status == 302 && location != null && location.startsWith("/login");
        if (status >= 500) {
            return "server error " + status;
        }
        if (allowed) {
            return toSignIn || status == 401 || status == 403 ? "refused (" + status + " " + location + ")" : null;
        }
        if (!signedIn) {
            return toSignIn ? null : "expected the sign-in page, got " + status + " " + location;
        }
        return status == 403 ? null : "expected 403, got " + status + " " + location;
    }

    /** The route as {@code visitor}; an unsafe method gets a body of {@code type} and a CSRF cookie, but no token. */
    private Response send(Route route, Visitor visitor, String type) {
        RequestSpecification request = given().redirects().follow(false);
        visitor.cookies().forEach(request::cookie);
        String path = route.concrete(mapName);
        if (route.method().equals("GET") || route.method().equals("HEAD")) {
            return request.request(route.method(), path);
        }
        request.cookie(csrfCookie, "AAAAAAAAAAAAAAAAAAAAAA"); // a well-formed cookie (16 bytes) the form does not echo
        if (type != null) {
            if (type.startsWith("multipart")) {
                request.multiPart("x", "1");
            } else {
                request.contentType(type).body(type.contains("json") ? "{\"x\":1}" : "x=1");
            }
        }
        return request.request(route.method(), path);
    }
}
