package onboarding.bridge.inbox;

/**
 * What applying an incoming event did here: the local record it created or changed, with a label
 * people read (e.g. lead {@code L-000045}) and the link to open it; {@code created} when the record is new.
 */
public record ApplyResult(String recordId, String recordLabel, boolean created) {

    /** A record that existed and was changed (or left as it was). */
    public ApplyResult(String recordId, String recordLabel) {
        this(recordId, recordLabel, false);
    }

    /** A record this event created. */
    public static ApplyResult created(String recordId, String recordLabel) {
        return new ApplyResult(recordId, recordLabel, true);
    }
}
