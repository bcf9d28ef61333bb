package onboarding.ui;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import java.util.function.LongUnaryOperator;

/** The capped count of a Panache list, for {@link Page#of}: counting stops at the limit instead of reading every row. */
public final class CappedCount {

    private CappedCount() {
    }

    /** All rows of {@code entity}, counted up to the limit given. */
    public static LongUnaryOperator all(String entity) {
        return of(entity, "", new Parameters());
    }

    /**
     * Rows of {@code entity} that match {@code where} (HQL as in Panache's {@code find}: unqualified properties,
     * named {@code parameters}; empty for all rows), counted up to the limit given. Hibernate wants an order in a
     * subquery with a limit: ordering by the constant costs PostgreSQL nothing.
     */
    public static LongUnaryOperator of(String entity, String where, Parameters parameters) {
        return limit -> {
            var query = Panache.getEntityManager().createQuery("select count(*) from (select 1 as one from " + entity
                    + (where.isBlank() ? "" : " where " + where) + " order by 1 limit :countLimit) counted", Long.class);
            parameters.map().forEach(query::setParameter);
            return query.setParameter("countLimit", (int) Math.min(limit, Integer.MAX_VALUE)).getSingleResult();
        };
    }
}
