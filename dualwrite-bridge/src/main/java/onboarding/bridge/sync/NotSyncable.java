package onboarding.bridge.sync;

/**
 * A map that has no initial sync, with the reason the console shows in place of the button (starting it is
 * refused). Subclass it as a bean per map: {@code super(TableMaps.X, "bundle.key.of.the.reason")}.
 */
public abstract class NotSyncable implements SyncSource {

    private final String tableMap;
    private final String reason;

    protected NotSyncable(String tableMap, String reason) {
        this.tableMap = tableMap;
        this.reason = reason;
    }

    @Override
    public String tableMap() {
        return tableMap;
    }

    @Override
    public String notSyncableReason() {
        return reason;
    }

    @Override
    public long count() {
        return 0;
    }

    @Override
    public Batch publishBatch(Long afterKey, int limit) {
        return Batch.NONE;
    }
}
