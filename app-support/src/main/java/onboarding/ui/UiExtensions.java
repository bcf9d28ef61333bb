package onboarding.ui;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import onboarding.model.SafeUrl;

/**
 * {@code {ui:nav}} and {@code {ui:home}}: the app's menu for the shared layout; {@code {ui:href(url)}}: a URL from
 * data, only when it may be a link.
 */
@TemplateExtension(namespace = "ui")
public class UiExtensions {

    /** The menu entries the current visitor may open. */
    static List<Navigation.Item> nav() {
        var identity = currentIdentity();
        return navigation().items().stream()
                .filter(item -> item.role() == null || (identity != null && identity.hasRole(item.role())))
                .toList();
    }

    /**
     * {@code url} when it may become a link ({@link SafeUrl}: absolute http/https with a host, or a path on this
     * site), null otherwise: every {@code href} built from data goes through it, mostly by the {@code link} tag
     * ({@code {#link href=lead.website text=lead.website /}}), which renders an unsafe value as plain text.
     */
    static String href(String url) {
        return SafeUrl.isSafe(url) ? url : null;
    }

    static String home() {
        return navigation().home();
    }

    /** The signed-in user's name, or null on public pages and for anonymous visitors. */
    static String user() {
        var identity = currentIdentity();
        return identity == null ? null : identity.getPrincipal().getName();
    }

    private static io.quarkus.security.identity.SecurityIdentity currentIdentity() {
        var association = Arc.container().instance(io.quarkus.security.identity.CurrentIdentityAssociation.class);
        if (!association.isAvailable() || !Arc.container().requestContext().isActive()) {
            return null;
        }
        var current = association.get().getIdentity();
        return current == null || current.isAnonymous() ? null : current;
    }

    private static Navigation navigation() {
        return Arc.container().instance(Navigation.class).get();
    }
}
