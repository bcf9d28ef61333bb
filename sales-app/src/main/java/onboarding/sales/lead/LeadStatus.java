package onboarding.sales.lead;

/** OPEN → QUALIFIED | DISQUALIFIED. */
public enum LeadStatus {
    OPEN,
    QUALIFIED,
    DISQUALIFIED
}
