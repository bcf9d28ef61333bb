package onboarding.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URLs from data may become links. */
class SafeUrlTest {

    @Test
    void http_and_https_urls_with_a_host_are_safe_whatever_the_case_of_the_scheme() {
        for (String url : List.of("http://ok.example/x", "https://www.acme.fr", "https://acme.fr/shop?q=1#top",
                "HTTPS://ACME.FR/", "Http://127.0.0.1:8080/hq/prospects/12", "https://user@acme.fr/")) {
            assertTrue(SafeUrl.isSafe(url), url);
            assertTrue(SafeUrl.isSafeAbsolute(url), url);
        }
    }

    @Test
    void paths_on_the_same_site_are_safe() {
        for (String url : List.of("/leads/1", "/", "/hq/emails#mail-3", "/dualwrite?map=lead-decisions")) {
            assertTrue(SafeUrl.isSafe(url), url);
            assertFalse(SafeUrl.isSafeAbsolute(url), url + " is no website");
        }
    }

    @Test
    void script_and_data_urls_are_unsafe_however_they_are_spelled() {
        for (String url : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)",
                " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "\u0000javascript:alert(1)",
                "javascript\u0000:alert(1)", "\u200Bjavascript:alert(1)", "javascript://ok.example/%0Aalert(1)",
                "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://ok.example/x", "mailto:a@b.example")) {
            assertFalse(SafeUrl.isSafe(url), url);
            assertFalse(SafeUrl.isSafeAbsolute(url), url);
        }
    }

    @Test
    void urls_that_leave_the_site_without_a_scheme_are_unsafe() {
        for (String url : List.of("//evil.example", "//evil.example/leads/1", "/\\evil.example", "\\\\evil.example",
                "\\/evil.example")) {
            assertFalse(SafeUrl.isSafe(url), url);
        }
    }

    @Test
    void malformed_urls_and_urls_without_a_host_are_unsafe() {
        for (String url : List.of("", " ", "http://", "https:///x", "http:ok.example", "https://ok.example/a b",
                "https://ok.example/\u0007", " https://ok.example", "https://ok.example/\u202Egnp.exe",
                "https://ok.example\\@evil.example", "https://ok.example/<script>", "acme.fr", "www.acme.fr/shop",
                "leads/1")) {
            assertFalse(SafeUrl.isSafe(url), url);
        }
        assertFalse(SafeUrl.isSafe(null));
        assertFalse(SafeUrl.isSafeAbsolute(null));
    }

    @Test
    void an_event_field_may_be_absent_or_safe_and_is_refused_otherwise_with_its_name() {
        assertNull(SafeUrl.requireSafe("website", null));
        assertEquals("", SafeUrl.requireSafe("website", ""));
        assertEquals("https://acme.fr", SafeUrl.requireSafe("website", "https://acme.fr"));
        assertEquals("/leads/3", SafeUrl.requireSafe("leadUrl", "/leads/3"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SafeUrl.requireSafe("prospectUrl", "javascript:alert(1)"));
        assertTrue(refused.getMessage().contains("prospectUrl"), refused.getMessage());
        assertFalse(refused.getMessage().contains("alert"), "the value is not echoed: " + refused.getMessage());
    }
}
