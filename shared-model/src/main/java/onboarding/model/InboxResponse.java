package onboarding.model;

import java.util.List;

/** The answer of a peer's inbox to one batch: one result per event, in the batch's order. */
public record InboxResponse(List<InboxResult> results) {
}
