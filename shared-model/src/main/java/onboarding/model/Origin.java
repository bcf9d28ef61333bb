package onboarding.model;

/** The two apps kept in step by the bridge. */
public enum Origin {
    COMMERCE,
    SALES;

    public Origin peer() {
        return this == COMMERCE ? SALES : COMMERCE;
    }
}
