package onboarding.sales.lead;

/** The saved views of the lead list. */
public enum LeadView {
    /** open leads owned by the signed-in user */
    MY_OPEN("my-open"),
    /** every lead that came from the Commerce B2B site */
    ALL_B2B("all-b2b");

    public final String param;

    LeadView(String param) {
        this.param = param;
    }

    public static LeadView of(String param) {
        for (LeadView view : values()) {
            if (view.param.equals(param)) {
                return view;
            }
        }
        return MY_OPEN;
    }
}
