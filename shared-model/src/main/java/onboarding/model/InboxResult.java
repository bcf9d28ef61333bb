package onboarding.model;

import java.util.UUID;

/**
 * What the receiving inbox did with one event.
 *
 * @param remoteId    id of the record the event created or touched on the receiving side, if any
 * @param remoteLabel readable label of that record (e.g. {@code L-000045})
 * @param error       why the event was not applied (only for {@link Outcome#FAILED})
 */
public record InboxResult(UUID eventId, Outcome outcome, String remoteId, String remoteLabel, String error) {

    public enum Outcome {
        /** applied now, in one transaction with the inbox row */
        APPLIED,
        /** seen before: acknowledged and skipped */
        DUPLICATE,
        /** not applied; the sender retries it later */
        FAILED
    }

    public boolean delivered() {
        return outcome != Outcome.FAILED;
    }
}
