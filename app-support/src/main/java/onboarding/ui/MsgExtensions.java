package onboarding.ui;

import io.quarkus.qute.TemplateExtension;

/**
 * Template access to the message bundles: {@code {msg:t('signup.title')}}, with up to three arguments,
 * and {@code {msg:lang}} for the page's language code.
 */
@TemplateExtension(namespace = "msg")
public class MsgExtensions {

    static String t(String key) {
        return Messages.get(UiLocale.current(), key);
    }

    static String t(String key, Object a) {
        return Messages.get(UiLocale.current(), key, a);
    }

    static String t(String key, Object a, Object b) {
        return Messages.get(UiLocale.current(), key, a, b);
    }

    static String t(String key, Object a, Object b, Object c) {
        return Messages.get(UiLocale.current(), key, a, b, c);
    }

    /** {@code {msg:e('prospect.status', p.status)}}: the text of key {@code prospect.status.NEW}, for enum-like values. */
    static String e(String prefix, Object value) {
        return Messages.get(UiLocale.current(), prefix + "." + value);
    }

    static String lang() {
        return UiLocale.current().getLanguage();
    }
}
