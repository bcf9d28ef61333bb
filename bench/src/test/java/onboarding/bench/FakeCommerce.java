package onboarding.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the Commerce app on 127.0.0.1: the signup page with its CSRF cookie and hidden field
 * (a POST without both is refused with 403, an incomplete one with 400), form sign-in and a back office page.
 */
final class FakeCommerce implements AutoCloseable {

    static final String TOKEN = "tok-123_abc";
    static final String SESSION = "session-xyz";
    static final List<String> REQUIRED = List.of("companyName", "firstName", "lastName", "email", "phone", "street",
            "city", "postalCode", "countryCode", "vatNumber", "website", "message");

    final AtomicInteger signupPages = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger backOfficePages = new AtomicInteger();
    /** Initial syncs started with the session, the CSRF cookie and the hidden field. */
    final AtomicInteger syncsStarted = new AtomicInteger();
    /** Console pages read since the sync started: the sync advances by 4 of 10 records per reading. */
    final AtomicInteger syncReadings = new AtomicInteger();
    final java.util.Set<String> emails = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    FakeCommerce() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/partner-signup", this::signup);
        server.createContext("/login", this::signIn);
        server.createContext("/hq/prospects", this::prospects);
        server.createContext("/dualwrite", this::console);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void signup(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            signupPages.incrementAndGet();
            exchange.getResponseHeaders().add("Set-Cookie", "csrf-token=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict");
            send(exchange, 200, "<html><form method=\"post\"><input type=\"hidden\" name=\"csrf-token\" value=\""
                    + TOKEN + "\"><input name=\"companyName\" value=\"\"></form></html>");
            return;
        }
        Map<String, String> form = form(exchange);
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (cookie == null || !cookie.contains("csrf-token=" + TOKEN) || !TOKEN.equals(form.get("csrf-token"))
                || type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            refused.incrementAndGet();
            send(exchange, 403, "csrf");
            return;
        }
        if (!form.keySet().containsAll(REQUIRED) || !emails.add(form.get("email"))) {
            refused.incrementAndGet();
            send(exchange, 400, "invalid or duplicate");
            return;
        }
        int id = accepted.incrementAndGet();
        exchange.getResponseHeaders().add("Location", "/partner-signup/thanks?ref=" + String.format("PR-%06d", id));
        send(exchange, 303, "");
    }

    private void signIn(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().add("Set-Cookie", "csrf-token=" + TOKEN + "; Path=/; HttpOnly; SameSite=Lax");
            send(exchange, 200, "<html><form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"csrf-token\""
                    + " value=\"" + TOKEN + "\"></form></html>");
            return;
        }
        Map<String, String> form = form(exchange);
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie == null || !cookie.contains("csrf-token=" + TOKEN) || !TOKEN.equals(form.get("csrf-token"))) {
            send(exchange, 400, "csrf");
            return;
        }
        if (form.get("j_username") != null && (form.get("j_username") + "-demo").equals(form.get("j_password"))) {
            exchange.getResponseHeaders().add("Set-Cookie", "commerce-session=" + SESSION + "; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Location", "/hq/prospects");
            send(exchange, 303, "");
        } else {
            send(exchange, 400, "wrong user name or password");
        }
    }

    private void prospects(HttpExchange exchange) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie == null || !cookie.contains("commerce-session=" + SESSION)) {
            exchange.getResponseHeaders().add("Location", "/login");
            send(exchange, 302, "");
            return;
        }
        backOfficePages.incrementAndGet();
        send(exchange, 200, "<table><tr data-number=\"PR-000001\"><td>PR-000001</td></tr></table>");
    }

    /** The console: GET renders the sync row (progress moving on at each reading), POST …/sync starts it. */
    private void console(HttpExchange exchange) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie == null || !cookie.contains("commerce-session=" + SESSION)) {
            exchange.getResponseHeaders().add("Location", "/login");
            send(exchange, 302, "");
            return;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form = form(exchange);
            if (!cookie.contains("csrf-token=" + TOKEN) || !TOKEN.equals(form.get("csrf-token"))
                    || !exchange.getRequestURI().getPath().equals("/dualwrite/console/maps/customers-to-accounts/sync")) {
                send(exchange, 403, "csrf");
                return;
            }
            syncsStarted.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/dualwrite");
            send(exchange, 303, "");
            return;
        }
        String row = "";
        if (syncsStarted.get() > 0) {
            long done = Math.min(10, 4L * syncReadings.getAndIncrement());
            String state = done == 10 ? "DONE" : "RUNNING";
            row = "<tr data-sync=\"customers-to-accounts\"><td>customers-to-accounts</td><td><span class=\"badge " + state
                    + "\">" + state + "</span> <progress max=\"10\" value=\"" + done + "\"></progress> " + done
                    + " / 10 (" + done * 10 + " %)</td></tr>";
        }
        exchange.getResponseHeaders().add("Set-Cookie", "csrf-token=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict");
        send(exchange, 200, "<table id=\"syncs\">" + row + "<tr data-sync=\"customers-to-accounts\"><td><form method=\"post\">"
                + "<input type=\"hidden\" name=\"csrf-token\" value=\"" + TOKEN + "\"></form></td></tr></table>");
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
