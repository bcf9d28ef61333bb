package onboarding.sales.lead;

/** Where a lead came from. */
public enum LeadOrigin {
    /** replicated from a Commerce partner signup */
    DUAL_WRITE,
    /** entered by a salesperson */
    MANUAL
}
