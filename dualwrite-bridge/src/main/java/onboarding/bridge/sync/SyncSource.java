package onboarding.bridge.sync;

import java.util.List;

/**
 * The records of one table map that an initial sync copies to the peer. Each app provides one bean per
 * map it can sync; the bridge pages through the keys in ascending order and asks for one event per
 * record, written through the outbox, so the copy is delivered like any change (in order, retried,
 * idempotent on the peer, which decides who wins a conflict).
 */
public interface SyncSource {

    String tableMap();

    long count();

    /** The next keys after {@code afterKey} (null: from the start), ascending, at most {@code limit}. */
    List<Long> keysAfter(Long afterKey, int limit);

    /** Writes the outbox event that copies record {@code key} (inside the sync's transaction). */
    void publish(long key);
}
