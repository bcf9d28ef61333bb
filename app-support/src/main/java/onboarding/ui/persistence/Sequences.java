package onboarding.ui.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Record ids from PostgreSQL sequences, handed out from blocks: one {@code nextval} reserves as many ids as
 * the sequence's increment (e.g. 50: {@code nextval} = 101 reserves 101…150), so creating records in bulk
 * (a backlog of signups, an initial sync) costs one round trip per block instead of one per record. Ids
 * stay unique across processes and with SQL that takes single values; a restarted process leaves a gap.
 */
public final class Sequences {

    private static final Map<String, Block> BLOCKS = new ConcurrentHashMap<>();

    private Sequences() {
    }

    /** The next id of {@code sequence} (a sequence of this application's schema). */
    public static long next(String sequence) {
        return BLOCKS.computeIfAbsent(sequence, Block::new).next();
    }

    private static final class Block {
        private final String sequence;
        private long next;
        private long end; // exclusive

        Block(String sequence) {
            this.sequence = sequence;
        }

        synchronized long next() {
            if (next >= end) {
                Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(
                        "SELECT nextval(cast(:seq AS regclass)), s.increment_by FROM pg_sequences s"
                                + " WHERE s.schemaname = current_schema() AND s.sequencename = :seq")
                        .setParameter("seq", sequence).getSingleResult();
                next = ((Number) row[0]).longValue();
                end = next + Math.max(1, ((Number) row[1]).longValue());
            }
            return next++;
        }
    }
}
