package onboarding.commerce.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public B2B site's home page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SiteResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }
}
