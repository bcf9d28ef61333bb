package onboarding.ui;

import java.util.List;

/** What an app puts in the shared page header; each app provides one bean. */
public interface Navigation {

    /** One menu entry: where it goes and the bundle key of its label. */
    record Item(String href, String key) {
    }

    /** Where the brand in the header links to. */
    String home();

    List<Item> items();
}
