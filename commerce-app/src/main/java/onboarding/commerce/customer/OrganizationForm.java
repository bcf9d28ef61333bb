package onboarding.commerce.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import onboarding.commerce.signup.CountryCode;
import org.jboss.resteasy.reactive.RestForm;

/** The organisation edit form of the back office (name and address). */
public class OrganizationForm {

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

    @RestForm
    @Pattern(regexp = "^$|^[A-Z]{2}[0-9A-Z]{2,13}$", message = "error.vat")
    public String vatNumber;

    @RestForm
    @Size(max = 200, message = "error.tooLong200")
    @Pattern(regexp = "^$|^https?://[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:[0-9]{1,5})?(/\\S*)?$", message = "error.website")
    public String website;

    @RestForm
    public Long version;

    public static OrganizationForm of(Customer org) {
        OrganizationForm form = new OrganizationForm();
        form.name = org.name;
        form.street = org.street;
        form.city = org.city;
        form.postalCode = org.postalCode;
        form.countryCode = org.countryCode;
        form.vatNumber = org.vatNumber;
        form.website = org.website;
        form.version = org.version;
        return form;
    }

    OrganizationForm normalize() {
        name = strip(name);
        street = strip(street);
        city = strip(city);
        postalCode = strip(postalCode);
        countryCode = strip(countryCode) == null ? null : strip(countryCode).toUpperCase(Locale.ROOT);
        vatNumber = vatNumber == null ? "" : vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        website = strip(website) == null ? "" : strip(website);
        return this;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
