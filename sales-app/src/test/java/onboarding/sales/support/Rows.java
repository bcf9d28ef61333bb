package onboarding.sales.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import onboarding.model.Json;

/** Reads the database the way a test checks it: row counts and outbox payloads. */
@ApplicationScoped
public class Rows {

    private final EntityManager em;

    Rows(EntityManager em) {
        this.em = em;
    }

    /** {@code count("lead where id = ?1", 5)}. */
    public long count(String fromWhere, Object... params) {
        return ((Number) value("select count(*) from " + fromWhere, params)).longValue();
    }

    /** The single value a query returns, e.g. {@code value("select id from lead where email = ?1", email)}. */
    public Object value(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> bind(em.createNativeQuery(sql), params).getSingleResult());
    }

    /** Runs an INSERT, UPDATE or DELETE in its own transaction (test set-up and clean-up). */
    public int execute(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> bind(em.createNativeQuery(sql), params).executeUpdate());
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    /** Outbox events of a record, oldest first. */
    public long outboxCount(String aggregateType, long aggregateId) {
        return count("dualwrite_outbox where aggregate_type = ?1 and aggregate_id = ?2", aggregateType,
                Long.toString(aggregateId));
    }

    public long outboxCount(String aggregateType, long aggregateId, String eventType) {
        return count("dualwrite_outbox where aggregate_type = ?1 and aggregate_id = ?2 and event_type = ?3",
                aggregateType, Long.toString(aggregateId), eventType);
    }

    /** Payloads of the outbox events of one type of a record, oldest first. */
    public <T> List<T> outbox(String aggregateType, long aggregateId, String eventType, Class<T> payloadType) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select cast(payload as text) from dualwrite_outbox"
                    + " where aggregate_type = ?1 and aggregate_id = ?2 and event_type = ?3 order by seq")
                    .setParameter(1, aggregateType).setParameter(2, Long.toString(aggregateId))
                    .setParameter(3, eventType).getResultList();
            return rows.stream().map(row -> {
                try {
                    return Json.mapper().readValue((String) row, payloadType);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        });
    }

    /** Outbox rows of a record with their table map, e.g. {@code lead-decisions lead.qualified}, oldest first. */
    public List<String> outboxSummary(String aggregateType, long aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select table_map || ' ' || event_type from dualwrite_outbox"
                    + " where aggregate_type = ?1 and aggregate_id = ?2 order by seq")
                    .setParameter(1, aggregateType).setParameter(2, Long.toString(aggregateId)).getResultList();
            return rows.stream().map(String.class::cast).toList();
        });
    }

    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
