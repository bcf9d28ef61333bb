package onboarding.model;

/** A salesperson disqualified a dual-write lead; Commerce rejects the prospect and tells the requester. */
public record LeadDisqualifiedV1(
        long leadId,
        String leadNumber,
        long prospectId,
        String prospectNumber,
        DecisionReason reason,
        boolean reasonShareable,
        String disqualifiedBy,
        String leadUrl) {
}
