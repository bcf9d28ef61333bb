package onboarding.bridge.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Set;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.alert.Alert;
import onboarding.bridge.alert.AlertRule;
import onboarding.bridge.alert.AlertRules;
import onboarding.bridge.relay.Relay;
import onboarding.bridge.sync.InitialSync;
import onboarding.model.Origin;
import onboarding.ui.Page;

/** The operator console of the bridge in this app: {@code /dualwrite} (operator role only). */
@Path("/dualwrite")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    static final String[] STATUSES = { "PENDING", "INFLIGHT", "DELIVERED", "DEAD", "SKIPPED" };

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Origin here, String peer, String peerUrl, long backlog,
                List<ConsoleService.MapStatus> maps, List<ConsoleService.OutboxRow> problems,
                List<InitialSync.SyncMap> syncable, List<InitialSync.Progress> syncs, long catchingUpAfter,
                Set<String> firing, List<AlertRule> rules, List<Alert> alerts);

        static native TemplateInstance map(String name, Page<ConsoleService.OutboxRow> page, String record,
                String status, String[] statuses, String filters);
    }

    private final ConsoleService console;
    private final DualWriteConfig config;
    private final Relay relay;
    private final InitialSync initialSync;
    private final AlertRules alerts;

    ConsoleResource(ConsoleService console, DualWriteConfig config, Relay relay, InitialSync initialSync,
            AlertRules alerts) {
        this.console = console;
        this.config = config;
        this.relay = relay;
        this.initialSync = initialSync;
        this.alerts = alerts;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(config.origin(), config.peer().name(), config.peer().url(), relay.backlog(), console.maps(),
                console.problems(), initialSync.syncableMaps(), initialSync.progress(),
                ConsoleService.CATCHING_UP_AFTER_SECONDS, alerts.firingMaps(), alerts.rules(), alerts.recent());
    }

    @GET
    @Path("console/maps/{name}")
    public TemplateInstance map(@PathParam("name") String name, @QueryParam("record") String record,
            @QueryParam("status") String status, @QueryParam("page") Integer page) {
        String r = record == null ? "" : record;
        String s = status == null ? "" : status;
        return Templates.map(name, console.events(name, r, s, Page.clamp(page)), r, s, STATUSES,
                Page.filters("record", r, "status", s));
    }

    @POST
    @Path("console/maps/{name}/pause")
    public Response pause(@PathParam("name") String name, @Context SecurityContext security) {
        console.setState(name, "PAUSED", security.getUserPrincipal().getName());
        return back();
    }

    @POST
    @Path("console/maps/{name}/resume")
    public Response resume(@PathParam("name") String name, @Context SecurityContext security) {
        console.setState(name, "RUNNING", security.getUserPrincipal().getName());
        console.wakeRelay();
        return back();
    }

    @POST
    @Path("console/maps/{name}/retry-all")
    public Response retryAll(@PathParam("name") String name) {
        console.retryAll(name);
        console.wakeRelay();
        return back();
    }

    @POST
    @Path("console/maps/{name}/sync")
    public Response sync(@PathParam("name") String name) {
        initialSync.start(name);
        return back();
    }

    @POST
    @Path("console/events/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        console.retry(id);
        console.wakeRelay();
        return back();
    }

    @POST
    @Path("console/events/{id}/skip")
    public Response skip(@PathParam("id") long id) {
        console.skip(id);
        console.wakeRelay();
        return back();
    }

    private static Response back() {
        return Response.seeOther(URI.create("/dualwrite")).build();
    }
}
