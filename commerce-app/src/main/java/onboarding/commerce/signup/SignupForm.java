package onboarding.commerce.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The partner signup form as posted ({@code application/x-www-form-urlencoded}). Messages are bundle
 * keys, shown next to their field in the page's language.
 */
public class SignupForm {

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

    /** Optional; EU style: two letters then 2 to 13 letters or digits (spaces and dots are ignored). */
    @RestForm
    @Pattern(regexp = "^$|^[A-Z]{2}[0-9A-Z]{2,13}$", message = "error.vat")
    public String vatNumber;

    @RestForm
    @Size(max = 200, message = "error.tooLong200")
    @Pattern(regexp = "^$|^https?://[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:[0-9]{1,5})?(/\\S*)?$", message = "error.website")
    public String website;

    @RestForm
    @Size(max = 2000, message = "error.tooLong2000")
    public String message;

    /** Honeypot: hidden from people; only robots fill it. */
    @RestForm
    public String nickname;

    /** Trims every field and puts codes in their canonical form, before validation. */
    public SignupForm normalize() {
        companyName = trim(companyName);
        firstName = trim(firstName);
        lastName = trim(lastName);
        email = trim(email) == null ? null : trim(email).toLowerCase(Locale.ROOT);
        phone = trim(phone);
        street = trim(street);
        city = trim(city);
        postalCode = trim(postalCode);
        countryCode = trim(countryCode) == null ? null : trim(countryCode).toUpperCase(Locale.ROOT);
        vatNumber = vatNumber == null ? "" : vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        website = trim(website) == null ? "" : trim(website);
        if (!website.isEmpty() && !website.contains("://")) {
            website = "https://" + website;
        }
        message = trim(message) == null ? "" : trim(message);
        return this;
    }

    public boolean isFromRobot() {
        return nickname != null && !nickname.isBlank();
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
