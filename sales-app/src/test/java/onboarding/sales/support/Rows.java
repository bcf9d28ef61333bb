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
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery("select count(*) from " + fromWhere);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
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
