package onboarding.ui;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** {@code {ui:nav}} and {@code {ui:home}}: the app's menu for the shared layout. */
@TemplateExtension(namespace = "ui")
public class UiExtensions {

    static List<Navigation.Item> nav() {
        return navigation().items();
    }

    static String home() {
        return navigation().home();
    }

    private static Navigation navigation() {
        return Arc.container().instance(Navigation.class).get();
    }
}
