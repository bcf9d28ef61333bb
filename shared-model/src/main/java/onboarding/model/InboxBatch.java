package onboarding.model;

import java.util.List;

/** The body of one delivery to a peer's {@code /dualwrite/inbox}. */
public record InboxBatch(List<EventEnvelope> events) {
}
