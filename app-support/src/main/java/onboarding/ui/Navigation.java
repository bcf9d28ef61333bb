package onboarding.ui;

import java.util.List;

/** What an app puts in the shared page header; each app provides one bean. */
public interface Navigation {

    /** One menu entry: where it goes, the bundle key of its label, and the role it needs (null: everyone). */
    record Item(String href, String key, String role) {
        public Item(String href, String key) {
            this(href, key, null);
        }
    }

    /** Where the brand in the header links to. */
    String home();

    List<Item> items();
}
