package onboarding.model;

/** An organisation customer's name or address was edited in Commerce; Sales updates the linked account. */
public record OrganizationUpdatedV1(long customerId, String customerNumber, long accountId, CompanyInfo company,
        String updatedBy) {
}
