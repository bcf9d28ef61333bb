package onboarding.sales.opportunity;

/** OPEN → WON | LOST. Won and lost are final. */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST
}
