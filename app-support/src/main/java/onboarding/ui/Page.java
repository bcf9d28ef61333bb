package onboarding.ui;

import java.util.List;

/** One page of a list, numbered from 1. */
public record Page<T>(List<T> items, int number, int size, long total) {

    public static int clamp(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }

    /** The query string that keeps a list's filters across pages: {@code filters("q", "acme")} gives {@code q=acme&}. */
    public static String filters(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && !namesAndValues[i + 1].isEmpty()) {
                query.append(namesAndValues[i]).append('=')
                        .append(java.net.URLEncoder.encode(namesAndValues[i + 1], java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return query.toString();
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    public int previous() {
        return number - 1;
    }

    public int next() {
        return number + 1;
    }

    public long from() {
        return total == 0 ? 0 : (long) (number - 1) * size + 1;
    }

    public long to() {
        return Math.min(total, (long) number * size);
    }
}
