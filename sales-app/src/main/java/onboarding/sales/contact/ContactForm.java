package onboarding.sales.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import onboarding.model.ContactInfo;
import onboarding.ui.form.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/** The contact edit form as posted; the same rules as the Commerce signup's Contact section. */
public class ContactForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 100, message = "error.tooLong100")
    public String firstName;

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 100, message = "error.tooLong100")
    public String lastName;

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 254, message = "error.tooLong254")
    @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$", message = "error.email")
    public String email;

    @RestForm
    @NotBlank(message = "error.required")
    @Pattern(regexp = "^\\+?[0-9][0-9 ()./-]{5,24}$", message = "error.phone")
    public String phone;

    /** The version of the contact the form was rendered with. */
    @RestForm
    public Long version;

    public static ContactForm of(Contact contact) {
        ContactForm form = new ContactForm();
        form.firstName = contact.firstName;
        form.lastName = contact.lastName;
        form.email = contact.email;
        form.phone = contact.phone;
        form.version = contact.version;
        return form;
    }

    public ContactForm normalize() {
        firstName = FormErrors.clean(firstName);
        lastName = FormErrors.clean(lastName);
        email = email == null ? null : FormErrors.clean(email.toLowerCase(Locale.ROOT));
        phone = FormErrors.clean(phone);
        return this;
    }

    public ContactInfo info() {
        return new ContactInfo(firstName, lastName, email, phone);
    }
}
