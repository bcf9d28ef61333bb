package onboarding.model;

/**
 * A salesperson qualified a dual-write lead: Sales created (or reused) the account, created the contact
 * and the opportunity. Commerce turns account and contact into customers and puts the prospect in review.
 */
public record LeadQualifiedV1(
        long leadId,
        String leadNumber,
        long prospectId,
        String prospectNumber,
        long opportunityId,
        String opportunityNumber,
        AccountRecord account,
        ContactRecord contact,
        String qualifiedBy,
        String leadUrl) {
}
