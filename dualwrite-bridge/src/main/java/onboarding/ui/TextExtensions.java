package onboarding.ui;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small text helpers for templates. */
@TemplateExtension
public class TextExtensions {

    /** {@code {q.url}}: the value encoded for a URL query parameter. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
