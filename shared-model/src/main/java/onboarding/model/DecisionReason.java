package onboarding.model;

/** Why a lead was disqualified or an opportunity lost (as in Dynamics 365). */
public enum DecisionReason {
    LOST,
    CANNOT_CONTACT,
    NO_LONGER_INTERESTED,
    CANCELED
}
