package onboarding.commerce.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import onboarding.ui.form.CompanyAddressForm;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The partner signup form as posted ({@code application/x-www-form-urlencoded}). Messages are bundle
 * keys, shown next to their field in the page's language.
 */
public class SignupForm extends CompanyAddressForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String companyName;

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

    @RestForm
    @Size(max = 2000, message = "error.tooLong2000")
    public String message;

    /** Honeypot: hidden from people; only robots fill it. */
    @RestForm
    public String nickname;

    /** Trims every field and puts codes in their canonical form, before validation. */
    public SignupForm normalize() {
        companyName = strip(companyName);
        firstName = strip(firstName);
        lastName = strip(lastName);
        email = strip(email) == null ? null : strip(email).toLowerCase(Locale.ROOT);
        phone = strip(phone);
        normalizeAddress();
        message = strip(message);
        return this;
    }

    public boolean isFromRobot() {
        return nickname != null && !nickname.isBlank();
    }

}
