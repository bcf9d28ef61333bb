package onboarding.sales.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import onboarding.ui.persistence.Sequences;
import org.junit.jupiter.api.Test;

/** Ids come from blocks of a sequence: unique, even with other takers of the same sequence in between. */
@QuarkusTest
class IdBlocksTest {

    @Inject
    EntityManager em;

    @Test
    void ids_from_blocks_never_collide_with_other_takers_of_the_sequence() {
        Set<Long> seen = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 180; i++) {
                assertTrue(seen.add(Sequences.next("lead_seq")), "an id handed out twice");
                if (i % 45 == 0) { // another process, or SQL, takes the next value meanwhile
                    long other = ((Number) em.createNativeQuery("select nextval('lead_seq')").getSingleResult()).longValue();
                    assertTrue(seen.add(other), "SQL got an id of the app's block: " + other);
                }
            }
        });
        assertEquals(184, seen.size());
        long blocks = ((Number) em.createNativeQuery(
                "select increment_by from pg_sequences where sequencename = 'lead_seq'").getSingleResult()).longValue();
        assertEquals(50, blocks, "one round trip per 50 ids");
    }
}
