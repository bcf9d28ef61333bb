package onboarding.ui;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * One page of a list, numbered from 1. Lists do not count all their rows (a million rows cost a count of
 * 80 ms on every page): they count at most {@link #COUNT_AHEAD} pages beyond the current one. When more rows
 * exist, {@code more} is true and {@code total} is a lower bound: the pager says "of more than N" and keeps
 * a Next link.
 */
public record Page<T>(List<T> items, int number, int size, long total, boolean more) {

    /** How many pages beyond the current one a list counts. */
    public static final int COUNT_AHEAD = 10;

    /** A page with an exact total. */
    public Page(List<T> items, int number, int size, long total) {
        this(items, number, size, total, false);
    }

    /**
     * A page of {@code items} with a capped total. {@code countUpTo} receives a limit and answers the number of
     * matching rows, or any number at least the limit when there are that many; it is not called when the page
     * itself shows where the list ends (a page that is not full).
     */
    public static <T> Page<T> of(List<T> items, int number, int size, LongUnaryOperator countUpTo) {
        if (items.size() < size && (!items.isEmpty() || number == 1)) {
            return new Page<>(items, number, size, (long) (number - 1) * size + items.size(), false);
        }
        long limit = countLimit(number, size);
        long counted = countUpTo.applyAsLong(limit);
        return counted >= limit ? new Page<>(items, number, size, limit - 1, true)
                : new Page<>(items, number, size, counted, false);
    }

    /** The most rows a count needs to see for page {@code number}: one more than {@link #COUNT_AHEAD} pages beyond it. */
    public static long countLimit(int number, int size) {
        return (long) (number + COUNT_AHEAD) * size + 1;
    }

    /** The highest page number a list serves (its offset stays an int); a higher request gets that page. */
    public static final int MAX_NUMBER = 1_000_000;

    /** The page number asked for, from 1 to {@link #MAX_NUMBER}. */
    public static int clamp(Integer requested) {
        return requested == null || requested < 1 ? 1 : Math.min(requested, MAX_NUMBER);
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
        return more || number < pages();
    }

    public int previous() {
        return number - 1;
    }

    public int next() {
        return number + 1;
    }

    public long from() {
        return total == 0 || items.isEmpty() ? 0 : (long) (number - 1) * size + 1;
    }

    public long to() {
        return from() == 0 ? 0 : (long) (number - 1) * size + items.size();
    }
}
