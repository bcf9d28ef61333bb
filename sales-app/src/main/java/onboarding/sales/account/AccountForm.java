package onboarding.sales.account;

import onboarding.model.CompanyInfo;
import onboarding.ui.form.CompanyForm;

/** The account edit form as posted; the same rules as the Commerce signup's Company section. */
public class AccountForm extends CompanyForm {

    public static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.fill(account.name, account.street, account.city, account.postalCode, account.countryCode,
                account.vatNumber, account.website, account.version);
        return form;
    }

    public CompanyInfo company() {
        return new CompanyInfo(name, street, city, postalCode, countryCode, vatNumber, website);
    }
}
