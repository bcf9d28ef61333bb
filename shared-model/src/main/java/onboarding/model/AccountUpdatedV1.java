package onboarding.model;

/** An account was edited in Sales; Commerce updates the organisation customer linked to it. */
public record AccountUpdatedV1(long accountId, String accountNumber, CompanyInfo company, String updatedBy) {
}
