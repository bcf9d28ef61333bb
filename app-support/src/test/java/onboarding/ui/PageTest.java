package onboarding.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final int SIZE = 25;

    @Test
    void a_page_that_is_not_full_needs_no_count() {
        Page<String> page = Page.of(items(5), 3, SIZE, limit -> {
            throw new AssertionError("counted");
        });
        assertEquals(55, page.total());
        assertFalse(page.more());
        assertFalse(page.hasNext());
        assertEquals(51, page.from());
        assertEquals(55, page.to());
    }

    @Test
    void the_count_stops_ten_pages_ahead_and_the_page_says_more() {
        List<Long> limits = new ArrayList<>();
        Page<String> page = Page.of(items(SIZE), 1, SIZE, limit -> {
            limits.add(limit);
            return 1_000_000;
        });
        assertEquals(List.of(276L), limits, "ten pages beyond page 1, and one row more");
        assertTrue(page.more());
        assertEquals(275, page.total());
        assertTrue(page.hasNext());
        assertEquals(2, page.next());
        assertEquals(1, page.from());
        assertEquals(25, page.to());
    }

    @Test
    void a_count_under_the_limit_is_exact() {
        Page<String> page = Page.of(items(SIZE), 2, SIZE, limit -> 60);
        assertFalse(page.more());
        assertEquals(60, page.total());
        assertEquals(3, page.pages());
        assertTrue(page.hasNext());
        Page<String> last = Page.of(items(SIZE), 3, SIZE, limit -> 75);
        assertFalse(last.hasNext());
    }

    @Test
    void a_page_past_the_end_is_counted_and_empty() {
        Page<String> page = Page.of(List.of(), 9, SIZE, limit -> 30);
        assertEquals(30, page.total());
        assertEquals(0, page.from());
        assertEquals(0, page.to());
        assertFalse(page.hasNext());
        assertTrue(page.hasPrevious());
    }

    @Test
    void an_empty_first_page_is_an_empty_list() {
        Page<String> page = Page.of(List.of(), 1, SIZE, limit -> {
            throw new AssertionError("counted");
        });
        assertEquals(0, page.total());
        assertFalse(page.hasNext());
    }

    @Test
    void page_numbers_are_clamped() {
        assertEquals(1, Page.clamp(null));
        assertEquals(1, Page.clamp(-3));
        assertEquals(7, Page.clamp(7));
        assertEquals(Page.MAX_NUMBER, Page.clamp(Integer.MAX_VALUE));
    }

    private static List<String> items(int n) {
        return Collections.nCopies(n, "row");
    }
}
