package onboarding.sales.site;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The CRM opens on the leads of Commerce's B2B site. */
@Path("/")
public class SiteResource {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/leads?view=all-b2b")).build();
    }
}
