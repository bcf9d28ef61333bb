package onboarding.model;

/** A Sales account as it travels to Commerce (becomes an organisation customer). */
public record AccountRecord(long accountId, String accountNumber, CompanyInfo company) {
}
