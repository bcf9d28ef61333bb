package onboarding.sales.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import onboarding.model.CompanyInfo;
import onboarding.sales.site.CountryCode;
import onboarding.sales.site.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/** The account edit form as posted; the same rules as the Commerce signup's Company section. */
public class AccountForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String name;

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String street;

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 100, message = "error.tooLong100")
    public String city;

    @RestForm
    @NotBlank(message = "error.required")
    @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$", message = "error.postalCode")
    public String postalCode;

    @RestForm
    @NotBlank(message = "error.required")
    @CountryCode
    public String countryCode;

    /** Optional; EU style: two letters then 2 to 13 letters or digits (spaces, dots and dashes are ignored). */
    @RestForm
    @Pattern(regexp = "^[A-Z]{2}[0-9A-Z]{2,13}$", message = "error.vat")
    public String vatNumber;

    @RestForm
    @Size(max = 200, message = "error.tooLong200")
    @Pattern(regexp = "^https?://[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:[0-9]{1,5})?(/\\S*)?$", message = "error.website")
    public String website;

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
        street = FormErrors.clean(street);
        city = FormErrors.clean(city);
        postalCode = FormErrors.clean(postalCode);
        countryCode = countryCode == null ? null : FormErrors.clean(countryCode.toUpperCase(Locale.ROOT));
        vatNumber = vatNumber == null ? null : FormErrors.clean(vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT));
        website = FormErrors.clean(website);
        if (website != null && !website.contains("://")) {
            website = "https://" + website;
        }
        return this;
    }

    public CompanyInfo company() {
        return new CompanyInfo(name, street, city, postalCode, countryCode, vatNumber, website);
    }
}
