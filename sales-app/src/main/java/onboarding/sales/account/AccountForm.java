package onboarding.sales.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import onboarding.model.CompanyInfo;
import onboarding.ui.form.CompanyAddressForm;
import onboarding.ui.form.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/** The account edit form as posted; the same rules as the Commerce signup's Company section. */
public class AccountForm extends CompanyAddressForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String name;

    /** The version of the account the form was rendered with. */
    @RestForm
    public Long version;

    public static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.name = account.name;
        form.street = account.street;
        form.city = account.city;
        form.postalCode = account.postalCode;
        form.countryCode = account.countryCode;
        form.vatNumber = account.vatNumber;
        form.website = account.website;
        form.version = account.version;
        return form;
    }

    /** Trims every field and puts codes in their canonical form, before validation; blank optional fields are null. */
    public AccountForm normalize() {
        name = FormErrors.clean(name);
        normalizeAddress();
        return this;
    }

    public CompanyInfo company() {
        return new CompanyInfo(name, street, city, postalCode, countryCode, vatNumber, website);
    }
}
