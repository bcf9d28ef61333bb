package onboarding.commerce.customer;

import onboarding.model.CompanyInfo;
import onboarding.ui.form.CompanyForm;

/** The organisation edit form of the back office (name and address). */
public class OrganizationForm extends CompanyForm {

    public static OrganizationForm of(Customer org) {
        OrganizationForm form = new OrganizationForm();
        form.fill(org.name, org.street, org.city, org.postalCode, org.countryCode, org.vatNumber, org.website,
                org.version);
        return form;
    }

    public CompanyInfo company() {
        return new CompanyInfo(name, street, city, postalCode, countryCode, vatNumber, website);
    }
}
