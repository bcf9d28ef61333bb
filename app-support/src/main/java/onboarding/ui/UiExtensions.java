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

    /** The signed-in user's name, or null on public pages and for anonymous visitors. */
    static String user() {
        var identity = Arc.container().instance(io.quarkus.security.identity.CurrentIdentityAssociation.class);
        if (!identity.isAvailable() || !Arc.container().requestContext().isActive()) {
            return null;
        }
        var current = identity.get().getIdentity();
        return current == null || current.isAnonymous() ? null : current.getPrincipal().getName();
    }

    private static Navigation navigation() {
        return Arc.container().instance(Navigation.class).get();
    }
}
