package onboarding.bridge.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import onboarding.bridge.transport.HttpEventTransport;
import onboarding.bridge.transport.Signatures;
import onboarding.model.InboxBatch;
import onboarding.model.Json;
import org.jboss.logging.Logger;

/** The peer's door: {@code POST /dualwrite/inbox} with a signed batch of events. */
@Path(HttpEventTransport.INBOX_PATH)
public class InboxResource {

    private static final Logger LOG = Logger.getLogger(InboxResource.class);

    private final Signatures signatures;
    private final Inbox inbox;
    private final MeterRegistry metrics;

    InboxResource(Signatures signatures, Inbox inbox, MeterRegistry metrics) {
        this.signatures = signatures;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(Signatures.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(Signatures.SIGNATURE_HEADER) String signature, String body) {
        String refusal = signatures.refusal(timestamp, signature, body);
        if (refusal != null) {
            metrics.counter("dualwrite.inbox.refused", "reason", refusal).increment();
            LOG.warnf("refused a batch: %s", refusal);
            return Response.status(Response.Status.UNAUTHORIZED).entity(Map.of("error", refusal)).build();
        }
        InboxBatch batch;
        try {
            batch = Json.mapper().readValue(body, InboxBatch.class);
        } catch (JsonProcessingException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "malformed batch: " + e.getOriginalMessage())).build();
        }
        if (batch.events() == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", "no events")).build();
        }
        return Response.ok(inbox.applyAll(batch)).build();
    }
}
