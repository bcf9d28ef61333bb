package onboarding.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which URLs from data may become links: an absolute {@code http}/{@code https} URL with a host, or a path on
 * the same site ({@code /leads/1}, but not {@code //host} nor {@code /\host}, which browsers read as another
 * host). Anything else ({@code javascript:}, {@code data:}, {@code vbscript:}, a URL with whitespace or control
 * characters a browser would strip before reading the scheme, one {@link URI} cannot parse) is unsafe. Checked
 * where URLs enter (the inbox handlers of both apps, the website fields of forms) and where they are rendered
 * (the apps' {@code ui:href} template extension).
 */
public final class SafeUrl {

    private SafeUrl() {
    }

    /** Whether {@code url} may be rendered as a link: absolute http(s) with a host, or root-relative. */
    public static boolean isSafe(String url) {
        if (url == null || url.isEmpty() || hasControlOrSpace(url)) {
            return false;
        }
        if (url.startsWith("/")) {
            return isRootRelative(url);
        }
        return isAbsoluteWeb(url);
    }

    /** Whether {@code url} is an absolute {@code http}/{@code https} URL with a host (a company's website). */
    public static boolean isSafeAbsolute(String url) {
        return url != null && !url.isEmpty() && !hasControlOrSpace(url) && isAbsoluteWeb(url);
    }

    /**
     * An optional URL field of an incoming event: returns it when absent (null or empty) or safe, and refuses the
     * event otherwise (the inbox answers it FAILED with this message; the sender retries it and shows it dead).
     *
     * @throws IllegalArgumentException naming the field when the URL is not safe
     */
    public static String requireSafe(String field, String url) {
        if (url == null || url.isEmpty() || isSafe(url)) {
            return url;
        }
        throw new IllegalArgumentException("unsafe URL in " + field
                + " (only http and https URLs with a host, or a path on the same site, are accepted)");
    }

    private static boolean isRootRelative(String url) {
        if (url.length() > 1 && (url.charAt(1) == '/' || url.charAt(1) == '\\')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isAbsoluteWeb(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return false;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && !uri.isOpaque() && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whitespace, control and format characters (browsers drop some of them inside a scheme: {@code java\tscript:}). */
    private static boolean hasControlOrSpace(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c) || c == '\uFFFE'
                    || c == '\uFFFF') {
                return true;
            }
        }
        return false;
    }
}
