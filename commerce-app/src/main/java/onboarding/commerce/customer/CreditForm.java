package onboarding.commerce.customer;

import onboarding.commerce.catalogue.Money;
import onboarding.ui.form.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/** The credit limit form of an organisation in the back office ({@code creditLimit}, {@code currency}, {@code reason}). */
public class CreditForm {

    /** The longest reason staff may give. */
    public static final int MAX_REASON = 500;

    @RestForm
    public String creditLimit;

    @RestForm
    public String currency;

    @RestForm
    public String reason;

    /** The version of the organisation the form was rendered with. */
    @RestForm
    public Long version;

    public static CreditForm of(Customer org, String defaultCurrency) {
        CreditForm form = new CreditForm();
        form.creditLimit = Money.plain(org.creditLimit);
        form.currency = org.creditCurrency == null ? defaultCurrency : org.creditCurrency;
        form.version = org.version;
        return form;
    }

    public CreditForm normalize() {
        creditLimit = creditLimit == null ? null : creditLimit.strip();
        currency = FormErrors.clean(currency);
        reason = FormErrors.clean(reason);
        return this;
    }
}
