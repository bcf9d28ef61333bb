package onboarding.ui.security;

/** A page of this app to send a browser back to: a root-relative path, never another site. */
public final class LocalPath {

    private LocalPath() {
    }

    /** {@code path} when it is a path of this app ({@code /x…}, not {@code //host} nor {@code /\host}), else null. */
    public static String orNull(String path) {
        if (path == null || path.length() > 2000 || !path.startsWith("/") || path.startsWith("//")
                || path.startsWith("/\\") || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            return null;
        }
        return path;
    }
}
