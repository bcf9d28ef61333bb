package onboarding.model;

/**
 * An opportunity from a dual-write lead was closed. WON: Commerce approves the prospect, builds the
 * customer hierarchy and sends the activation email. LOST: Commerce rejects the prospect.
 */
public record OpportunityClosedV1(
        long opportunityId,
        String opportunityNumber,
        long leadId,
        long prospectId,
        String prospectNumber,
        Outcome outcome,
        DecisionReason reason,
        boolean reasonShareable,
        long accountId,
        long contactId,
        String closedBy,
        String opportunityUrl) {

    public enum Outcome { WON, LOST }
}
