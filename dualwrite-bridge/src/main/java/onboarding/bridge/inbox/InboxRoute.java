package onboarding.bridge.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import onboarding.bridge.transport.HttpEventTransport;
import onboarding.bridge.transport.Signatures;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxBatch;
import onboarding.model.Json;
import org.jboss.logging.Logger;

/**
 * The peer's door: {@code POST /dualwrite/inbox} with a signed batch of events. A plain Vert.x route, not a REST
 * resource: it is machine-to-machine and authenticated by its HMAC signature, so the browser defences of the REST
 * layer (the CSRF filter refuses every non-form post) do not apply to it, and it takes nothing but JSON.
 */
@ApplicationScoped
public class InboxRoute {

    private static final Logger LOG = Logger.getLogger(InboxRoute.class);
    /** The largest batch body accepted (a batch of the relay's size is well under 1 MB). */
    static final long MAX_BODY = 16L * 1024 * 1024;

    private final Signatures signatures;
    private final Inbox inbox;
    private final MeterRegistry metrics;

    InboxRoute(Signatures signatures, Inbox inbox, MeterRegistry metrics) {
        this.signatures = signatures;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        router.post(HttpEventTransport.INBOX_PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .blockingHandler(this::receive, false);
    }

    void receive(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            answer(context, 415, Map.of("error", "a batch is application/json"));
            return;
        }
        String body = context.body().asString("UTF-8");
        String refusal = signatures.refusal(context.request().getHeader(Signatures.TIMESTAMP_HEADER),
                context.request().getHeader(Signatures.SIGNATURE_HEADER), body == null ? "" : body);
        if (refusal != null) {
            metrics.counter("dualwrite.inbox.refused", "reason", refusal).increment();
            LOG.warnf("refused a batch: %s", refusal);
            answer(context, 401, Map.of("error", refusal));
            return;
        }
        InboxBatch batch;
        try {
            batch = Json.mapper().readValue(body, InboxBatch.class);
        } catch (JsonProcessingException e) {
            answer(context, 400, Map.of("error", "malformed batch: " + e.getOriginalMessage()));
            return;
        }
        String malformed = malformed(batch);
        if (malformed != null) {
            answer(context, 400, Map.of("error", malformed));
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            answer(context, 200, inbox.applyAll(batch));
        } catch (RuntimeException e) {
            LOG.error("a batch could not be applied", e);
            answer(context, 500, Map.of("error", "the batch could not be applied; see the receiver's log"));
        } finally {
            requestContext.terminate();
        }
    }

    /** Why a signed batch cannot even be answered event by event (every event needs its id for its answer). */
    static String malformed(InboxBatch batch) {
        if (batch == null || batch.events() == null) {
            return "no events";
        }
        for (int i = 0; i < batch.events().size(); i++) {
            EventEnvelope event = batch.events().get(i);
            if (event == null) {
                return "event " + i + " is null";
            }
            if (event.eventId() == null) {
                return "event " + i + " has no eventId";
            }
        }
        return null;
    }

    private static void answer(RoutingContext context, int status, Object body) {
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
