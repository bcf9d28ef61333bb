package onboarding.commerce.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import onboarding.ui.form.CompanyAddressForm;
import org.jboss.resteasy.reactive.RestForm;

/** The organisation edit form of the back office (name and address). */
public class OrganizationForm extends CompanyAddressForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String name;

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
        normalizeAddress();
        return this;
    }
}
