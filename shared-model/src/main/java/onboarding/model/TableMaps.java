package onboarding.model;

/** Names of the replicated entity pairs (table maps). */
public final class TableMaps {
    public static final String PROSPECTS_TO_LEADS = "prospects-to-leads";

    private TableMaps() {
    }
}
