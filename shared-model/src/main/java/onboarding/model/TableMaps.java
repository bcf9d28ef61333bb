package onboarding.model;

/** Names of the replicated entity pairs (table maps). */
public final class TableMaps {
    /** Commerce prospect → Sales lead (signup). */
    public static final String PROSPECTS_TO_LEADS = "prospects-to-leads";
    /** Sales lead qualified / disqualified → Commerce prospect in review / rejected. */
    public static final String LEAD_DECISIONS = "lead-decisions";
    /** Sales opportunity won / lost → Commerce prospect approved / rejected. */
    public static final String OPPORTUNITY_OUTCOMES = "opportunity-outcomes";
    /** Sales account ↔ Commerce organisation customer. */
    public static final String ACCOUNTS_TO_CUSTOMERS = "accounts-to-customers";
    /** Sales contact ↔ Commerce person customer. */
    public static final String CONTACTS_TO_CUSTOMERS = "contacts-to-customers";
    /** Commerce organisation customer edits → Sales account. */
    public static final String CUSTOMERS_TO_ACCOUNTS = "customers-to-accounts";

    public static final java.util.List<String> ALL = java.util.List.of(PROSPECTS_TO_LEADS, LEAD_DECISIONS,
            OPPORTUNITY_OUTCOMES, ACCOUNTS_TO_CUSTOMERS, CONTACTS_TO_CUSTOMERS, CUSTOMERS_TO_ACCOUNTS);

    private TableMaps() {
    }

    /** The app whose records a map copies (where its events are written): the other app applies them. */
    public static Origin source(String tableMap) {
        return PROSPECTS_TO_LEADS.equals(tableMap) || CUSTOMERS_TO_ACCOUNTS.equals(tableMap) ? Origin.COMMERCE
                : Origin.SALES;
    }
}
