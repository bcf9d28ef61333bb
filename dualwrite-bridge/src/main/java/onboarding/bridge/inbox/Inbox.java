package onboarding.bridge.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import onboarding.bridge.DeferredWrites;
import onboarding.bridge.DualWriteConfig;
import onboarding.bridge.Sql;
import onboarding.bridge.console.MapMinutes;
import onboarding.bridge.link.RecordLinks;
import onboarding.bridge.timeline.TimelineAnnotator;
import onboarding.model.EventEnvelope;
import onboarding.model.EventTypes;
import onboarding.model.InboxBatch;
import onboarding.model.InboxResponse;
import onboarding.model.InboxResult;
import onboarding.model.InboxResult.Outcome;
import onboarding.model.Json;
import org.jboss.logging.Logger;

/**
 * Applies incoming events, each together with its row in {@code dualwrite_inbox} (keyed by event id): a second
 * delivery of the same event is acknowledged and skipped. An event this
 * app does not know (type or schema version) is answered FAILED, never silently dropped.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final DataSource dataSource;
    private final DualWriteConfig config;
    private final Instance<InboundHandler<?>> handlers;
    private final Instance<TimelineAnnotator> annotators;
    private final RecordLinks links;
    private final EntityManager entityManager;
    private final MapMinutes minutes;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter failed;
    private final Timer latency;

    Inbox(DataSource dataSource, DualWriteConfig config, Instance<InboundHandler<?>> handlers,
            Instance<TimelineAnnotator> annotators, RecordLinks links, EntityManager entityManager,
            MapMinutes minutes, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.minutes = minutes;
        this.entityManager = entityManager;
        this.config = config;
        this.handlers = handlers;
        this.annotators = annotators;
        this.links = links;
        this.applied = metrics.counter("dualwrite.events.applied");
        this.duplicates = metrics.counter("dualwrite.events.duplicates");
        this.failed = metrics.counter("dualwrite.events.failed");
        this.latency = Timer.builder("dualwrite.replication.latency")
                .description("commit on the peer to commit of the applied change here")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(metrics);
    }

    /**
     * Applies a batch. The events are first applied together in one transaction (one commit instead of one
     * per event, which is what a backlog drain spends its time on); if any of them fails, that transaction
     * is rolled back as a whole and each event is applied again in its own transaction, so one bad event
     * never holds back or takes down the others and each gets its own answer.
     */
    public InboxResponse applyAll(InboxBatch batch) {
        InboxResponse response = applyBatch(batch);
        countApplied(batch.events(), response.results());
        return response;
    }

    /** Adds the batch's applied events to the console's per-minute counts (a statistic: it never fails a batch). */
    private void countApplied(List<EventEnvelope> events, List<InboxResult> results) {
        Map<String, Integer> perMap = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).outcome() == Outcome.APPLIED) {
                perMap.merge(events.get(i).tableMap(), 1, Integer::sum);
            }
        }
        minutes.add(MapMinutes.APPLIED, perMap);
    }

    private InboxResponse applyBatch(InboxBatch batch) {
        List<EventEnvelope> events = batch.events();
        InboxResult[] results = new InboxResult[events.size()];
        List<Resolved> resolved = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Object outcome = resolve(i, events.get(i));
            if (outcome instanceof InboxResult refusal) {
                results[i] = refusal;
            } else {
                resolved.add((Resolved) outcome);
            }
        }
        if (resolved.size() > 1) {
            try {
                List<InboxResult> together = QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        return applyTogether(connection, resolved);
                    }
                });
                for (int k = 0; k < together.size(); k++) {
                    Resolved r = resolved.get(k);
                    results[r.index()] = counted(r.event(), together.get(k));
                }
                return new InboxResponse(List.of(results));
            } catch (RuntimeException e) {
                LOG.debugf(e, "a batch of %d events did not apply as a whole; applying them one by one", resolved.size());
            }
        }
        for (Resolved r : resolved) {
            results[r.index()] = applyAlone(r);
        }
        return new InboxResponse(List.of(results));
    }

    /**
     * Applies the events of a batch in one transaction: the events applied before are answered DUPLICATE from one
     * query; each run of consecutive events of one bulk handler is applied by it in one go, with its links and
     * timeline entries written together, other events one by one; the inbox rows are written together at the end
     * (a second delivery of an event racing this one makes the inbox insert fail, and the batch is then applied one
     * event at a time).
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private List<InboxResult> applyTogether(Connection connection, List<Resolved> resolved) throws Exception {
        Map<UUID, InboxResult> before = appliedBefore(connection, resolved);
        InboxResult[] done = new InboxResult[resolved.size()];
        List<Arrival> arrived = new ArrayList<>(resolved.size());
        int start = 0;
        while (start < resolved.size()) {
            Resolved first = resolved.get(start);
            InboxResult duplicate = before.get(first.event().eventId());
            if (duplicate != null) {
                done[start++] = duplicate;
                continue;
            }
            int end = start + 1;
            if (first.handler() instanceof BulkInboundHandler) {
                while (end < resolved.size() && resolved.get(end).handler() == first.handler()
                        && !before.containsKey(resolved.get(end).event().eventId())) {
                    end++;
                }
            }
            List<Resolved> run = resolved.subList(start, end);
            List<ApplyResult> results;
            InboundContext.begin(first.event());
            try {
                if (first.handler() instanceof BulkInboundHandler bulk) {
                    // the run's links and timeline entries are written together when it ends (a bulk handler
                    // reads none of them); other handlers may read the links of earlier events: written at once
                    results = DeferredWrites.collect(connection, () -> {
                        List<ApplyResult> ofRun = bulk.applyAll(run.stream().map(Resolved::event).toList(),
                                run.stream().map(Resolved::payload).toList());
                        for (int k = 0; k < run.size(); k++) {
                            linkAndNote(connection, run.get(k).event(), ofRun.get(k));
                        }
                        return ofRun;
                    });
                } else {
                    results = List.of(((InboundHandler) first.handler()).apply(first.event(), first.payload()));
                    linkAndNote(connection, first.event(), results.get(0));
                }
            } finally {
                InboundContext.end();
            }
            // write this run's entities now and forget them: otherwise every query of the next events would
            // dirty-check all entities of the batch so far (quadratic in the batch)
            entityManager.flush();
            entityManager.clear();
            for (int k = 0; k < run.size(); k++) {
                done[start + k] = appliedAnswer(run.get(k).event(), results.get(k));
                arrived.add(new Arrival(run.get(k).event(), done[start + k]));
            }
            start = end;
        }
        recordArrivals(connection, arrived);
        return List.of(done);
    }

    /** The answers for the events of {@code resolved} that were applied here before (a second delivery). */
    private static Map<UUID, InboxResult> appliedBefore(Connection connection, List<Resolved> resolved)
            throws SQLException {
        Map<UUID, InboxResult> before = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT event_id, result_id, result_label FROM dualwrite_inbox WHERE event_id = ANY (?)")) {
            query.setArray(1, Sql.column(connection, "uuid", resolved, r -> r.event().eventId()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    before.put(id, new InboxResult(id, Outcome.DUPLICATE, rs.getString(2), rs.getString(3), null));
                }
            }
        }
        return before;
    }

    /** An event a batch applied, with its answer. */
    private record Arrival(EventEnvelope event, InboxResult answer) {
    }

    /** The inbox rows of the events applied by a batch, with their results, in one statement. */
    private static void recordArrivals(Connection connection, List<Arrival> arrived) throws SQLException {
        if (arrived.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dualwrite_inbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type,
                    schema_version, origin, correlation_id, occurred_at, result_id, result_label)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::int[],
                    ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])""")) {
            int c = 1;
            insert.setArray(c++, Sql.column(connection, "uuid", arrived, a -> a.event().eventId()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.event().tableMap()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.event().aggregateType()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.event().aggregateId()));
            insert.setArray(c++, Sql.column(connection, "int8", arrived, a -> a.event().sequence()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.event().eventType()));
            insert.setArray(c++, Sql.column(connection, "int4", arrived, a -> a.event().schemaVersion()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.event().origin().name()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.event().correlationId()));
            // ISO-8601 in UTC: no time zone to guess
            insert.setArray(c++, Sql.column(connection, "timestamptz", arrived, a -> a.event().occurredAt().toString()));
            insert.setArray(c++, Sql.column(connection, "text", arrived, a -> a.answer().remoteId()));
            insert.setArray(c, Sql.column(connection, "text", arrived, a -> a.answer().remoteLabel()));
            insert.executeUpdate();
        }
    }

    /** The answer for an event applied here: the record it created or changed. */
    private static InboxResult appliedAnswer(EventEnvelope event, ApplyResult result) {
        return new InboxResult(event.eventId(), Outcome.APPLIED, result == null ? null : result.recordId(),
                result == null ? null : result.recordLabel(), null);
    }

    /** Links the record an event created or changed to its origin and lets the app note it in its timeline. */
    private void linkAndNote(Connection connection, EventEnvelope event, ApplyResult result) throws SQLException {
        if (result != null && result.recordId() != null) {
            links.link(connection, event.tableMap(), result.recordId(), event.aggregateId(), null);
        }
        for (TimelineAnnotator annotator : annotators) {
            annotator.inbound(event, result);
        }
    }

    /** An event this app can apply (the {@code index}-th of its batch): its handler and its parsed payload. */
    private record Resolved(int index, EventEnvelope event, InboundHandler<?> handler, Object payload) {
    }

    /** The event's handler and payload, or the FAILED answer when it cannot be applied here. */
    private Object resolve(int index, EventEnvelope event) {
        if (event.eventId() == null || event.eventType() == null || event.aggregateId() == null
                || event.origin() == null || event.occurredAt() == null || event.payload() == null) {
            return failure(event, "incomplete event envelope");
        }
        if (event.origin() != config.origin().peer()) {
            return failure(event, "event from " + event.origin() + " sent to " + config.origin());
        }
        Optional<Class<?>> payloadType = EventTypes.payloadType(event.eventType(), event.schemaVersion());
        Optional<InboundHandler<?>> handler = handlerFor(event);
        if (payloadType.isEmpty() || handler.isEmpty()) {
            return failure(event, "Unknown event type " + event.eventType() + " v" + event.schemaVersion());
        }
        try {
            return new Resolved(index, event, handler.get(), Json.mapper().treeToValue(event.payload(), payloadType.get()));
        } catch (JsonProcessingException e) {
            return failure(event, "malformed payload: " + e.getOriginalMessage());
        }
    }

    private InboxResult applyAlone(Resolved r) {
        try {
            return counted(r.event(),
                    QuarkusTransaction.requiringNew().call(() -> applyOnce(r.event(), r.handler(), r.payload())));
        } catch (RuntimeException e) {
            LOG.debugf(e, "event %s (%s of %s %s) not applied", r.event().eventId(), r.event().eventType(),
                    r.event().aggregateType(), r.event().aggregateId());
            return failure(r.event(), rootMessage(e));
        }
    }

    /** Counts a committed outcome. */
    private InboxResult counted(EventEnvelope event, InboxResult result) {
        if (result.outcome() == Outcome.APPLIED) {
            applied.increment();
            latency.record(Duration.between(event.occurredAt(), Instant.now()));
        } else {
            duplicates.increment();
        }
        return result;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private InboxResult applyOnce(EventEnvelope event, InboundHandler handler, Object payload) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!recordArrival(connection, event)) {
                return duplicateOf(connection, event);
            }
            ApplyResult result;
            InboundContext.begin(event);
            try {
                result = handler.apply(event, payload);
                linkAndNote(connection, event, result);
            } finally {
                InboundContext.end();
            }
            InboxResult answer = appliedAnswer(event, result);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE dualwrite_inbox SET result_id = ?, result_label = ? WHERE event_id = ?")) {
                update.setString(1, answer.remoteId());
                update.setString(2, answer.remoteLabel());
                update.setObject(3, event.eventId());
                update.executeUpdate();
            }
            return answer;
        }
    }

    /** Inserts the inbox row; false when the event was applied before (or is being applied right now). */
    private static boolean recordArrival(Connection connection, EventEnvelope event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dualwrite_inbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type,
                    schema_version, origin, correlation_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")) {
            insert.setObject(1, event.eventId());
            insert.setString(2, event.tableMap());
            insert.setString(3, event.aggregateType());
            insert.setString(4, event.aggregateId());
            insert.setLong(5, event.sequence());
            insert.setString(6, event.eventType());
            insert.setInt(7, event.schemaVersion());
            insert.setString(8, event.origin().name());
            insert.setString(9, event.correlationId());
            insert.setTimestamp(10, Timestamp.from(event.occurredAt()));
            return insert.executeUpdate() == 1;
        }
    }

    private static InboxResult duplicateOf(Connection connection, EventEnvelope event) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT result_id, result_label FROM dualwrite_inbox WHERE event_id = ?")) {
            query.setObject(1, event.eventId());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new InboxResult(event.eventId(), Outcome.DUPLICATE, rs.getString(1), rs.getString(2), null);
            }
        }
    }

    private Optional<InboundHandler<?>> handlerFor(EventEnvelope event) {
        for (InboundHandler<?> handler : handlers) {
            if (handler.eventType().equals(event.eventType()) && handler.schemaVersion() == event.schemaVersion()) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }

    private InboxResult failure(EventEnvelope event, String reason) {
        failed.increment();
        LOG.warnf("refused event %s: %s", event.eventId(), reason);
        return new InboxResult(event.eventId(), Outcome.FAILED, null, null, reason);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
