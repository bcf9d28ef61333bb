package onboarding.bridge.timeline;

import onboarding.bridge.inbox.ApplyResult;
import onboarding.bridge.outbox.OutboxEvent;
import onboarding.model.EventEnvelope;
import onboarding.model.InboxResult;

/**
 * How an app writes replication into the timelines of its records. Each app provides one bean; the
 * bridge calls it in the transaction that applies or acknowledges the event, so a timeline entry exists
 * exactly when the replication it describes was committed.
 */
public interface TimelineAnnotator {

    /** An event from the peer was applied here (e.g. "Created by dual-write from Commerce prospect PR-000123"). */
    void inbound(EventEnvelope event, ApplyResult result);

    /** The peer acknowledged one of our events (e.g. "Replicated to Sales as lead L-000045"). */
    void outbound(OutboxEvent event, InboxResult ack);

    /** One of our events gave up after its last attempt. */
    default void dead(OutboxEvent event, String error) {
    }
}
