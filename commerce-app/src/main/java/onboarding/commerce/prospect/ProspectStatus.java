package onboarding.commerce.prospect;

/** NEW → IN_REVIEW (lead qualified) → APPROVED | REJECTED; NEW → REJECTED (lead disqualified). */
public enum ProspectStatus {
    NEW,
    IN_REVIEW,
    APPROVED,
    REJECTED
}
