package onboarding.ui.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A company's name and address as edited in a back office (Commerce organisation, Sales account), with
 * the version of the record the form was rendered with.
 */
public abstract class CompanyForm extends CompanyAddressForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String name;

    /** The version of the record the form was rendered with. */
    @RestForm
    public Long version;

    /** Fills the form from a record's current values. */
    protected void fill(String name, String street, String city, String postalCode, String countryCode,
            String vatNumber, String website, long version) {
        this.name = name;
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
        this.countryCode = countryCode;
        this.vatNumber = vatNumber;
        this.website = website;
        this.version = version;
    }

    /** Trims every field and puts codes in their canonical form, before validation; blank optional fields are null. */
    public CompanyForm normalize() {
        name = strip(name);
        normalizeAddress();
        return this;
    }
}
