package onboarding.system;

/**
 * A partner application as far as every journey takes it: signed up on the B2B site, listed in All
 * prospects, and replicated to Sales as a lead in All Commerce B2B leads.
 */
public record Application(Signup signup, String ref, String prospectPath, String leadNumber, String leadPath) {

    /** Submits {@code signup} as a browser does and waits for its lead. */
    public static Application submit(SystemUnderTest system, Signup signup, BackOffice hq, SalesDesk sales) {
        String ref = system.signups().submit(signup).ref();
        String prospectPath = hq.prospectPathOf(ref);
        SalesDesk.LeadLink lead = sales.awaitLeadOf(ref, signup.email());
        return new Application(signup, ref, prospectPath, lead.number(), lead.path());
    }

    /** The prospect's id in Commerce (the last segment of its page). */
    public long prospectId() {
        return Pages.idOf(prospectPath);
    }

    /** The correlation id that follows this partner through both apps (given to the prospect at signup). */
    public String correlationId(SystemUnderTest system) {
        return (String) system.commerceDb().rows("SELECT correlation_id FROM prospect WHERE number = ?", ref)
                .get(0).get("correlation_id");
    }

    /** The lead's id in Sales. */
    public long leadId() {
        return Pages.idOf(leadPath);
    }
}
