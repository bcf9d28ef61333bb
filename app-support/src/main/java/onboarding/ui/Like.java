package onboarding.ui;

import java.util.Locale;

/**
 * "Contains" searches with SQL {@code LIKE}: the user's text is matched literally, so {@code 50%} or {@code a_b}
 * find exactly those characters. Write the condition as {@code lower(column) like :q escape '!'} (HQL or SQL) and
 * bind {@link #contains}. Without an explicit escape, Hibernate sends {@code escape ''} to PostgreSQL and
 * {@code %} and {@code _} are wildcards.
 */
public final class Like {

    /** The escape character of the patterns made here, to write as {@code escape '!'}. */
    public static final char ESCAPE = '!';

    private Like() {
    }

    /** The pattern that matches any lower-cased text containing {@code text} (trimmed, lower-cased) literally. */
    public static String contains(String text) {
        String literal = text.trim().toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder(literal.length() + 8).append('%');
        for (char c : literal.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
