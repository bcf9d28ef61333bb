package onboarding.model;

/**
 * An organisation customer as Commerce holds it, sent by the initial sync of {@code customers-to-accounts}:
 * Sales creates the account when it has none for this customer and otherwise overwrites it (Commerce wins).
 * {@code accountId} is the Sales account Commerce already knows for the customer, null when it knows none.
 */
public record OrganizationSnapshotV1(long customerId, String customerNumber, Long accountId, CompanyInfo company,
        String customerUrl) {
}
