package onboarding.ui.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The address fields of a company, shared by Commerce's signup and organisation forms and Sales' account form;
 * messages are bundle keys shown next to their field.
 */
public abstract class CompanyAddressForm {

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
    @Pattern(regexp = "^$|^[A-Z]{2}[0-9A-Z]{2,13}$", message = "error.vat")
    public String vatNumber;

    @RestForm
    @Size(max = 200, message = "error.tooLong200")
    @Pattern(regexp = "^$|^https?://[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:[0-9]{1,5})?(/\\S*)?$", message = "error.website")
    @WebAddress
    public String website;

    /** Trims the address and puts codes in their canonical form; blank optional fields become null. */
    protected void normalizeAddress() {
        street = FormErrors.clean(street);
        city = FormErrors.clean(city);
        postalCode = FormErrors.clean(postalCode);
        countryCode = countryCode == null ? null : FormErrors.clean(countryCode.toUpperCase(Locale.ROOT));
        vatNumber = vatNumber == null ? null : FormErrors.clean(vatNumber.replaceAll("[\s.-]", "").toUpperCase(Locale.ROOT));
        website = FormErrors.clean(website);
        if (website != null && !website.contains("://")) {
            website = "https://" + website;
        }
    }

    protected static String strip(String value) {
        return FormErrors.clean(value);
    }
}
