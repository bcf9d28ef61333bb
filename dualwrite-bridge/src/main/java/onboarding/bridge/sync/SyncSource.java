package onboarding.bridge.sync;

/**
 * The records of one table map that an initial sync copies to the peer. Each app provides one bean per
 * map it can sync; the bridge pages through the records in ascending key order and asks for the events of
 * one batch at a time, written through the outbox (inside the transaction that also records the sync's
 * progress), so the copy is delivered like any change (in order, retried, idempotent on the peer, which
 * decides who wins a conflict).
 */
public interface SyncSource {

    /** What one batch wrote: how many records it copied and the key of the last one (null when none). */
    record Batch(int count, Long lastKey) {
        public static final Batch NONE = new Batch(0, null);
    }

    String tableMap();

    /**
     * Null when the map can be synced; otherwise the bundle key of the reason it cannot (the console shows it in
     * place of the button, and starting the sync is refused).
     */
    default String notSyncableReason() {
        return null;
    }

    /** Bundle key of what the console says about this sync (e.g. which side wins a conflict), or null. */
    default String note() {
        return null;
    }

    long count();

    /**
     * Writes the outbox events that copy the next records after {@code afterKey} (null: from the start),
     * ascending, at most {@code limit}, in the current transaction. Set-based sources write a whole batch
     * with one statement ({@link onboarding.bridge.outbox.Outbox#publishSelected}); never load all keys.
     */
    Batch publishBatch(Long afterKey, int limit);
}
