package onboarding.ui.form;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import onboarding.model.SafeUrl;

/**
 * A website typed into a form that the other app and the pages will accept as a link: an absolute http/https URL
 * with a host by {@link SafeUrl} (null and blank are left to the field's other rules). A form that let through what
 * the peer's inbox refuses would make an event that can never be applied.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebAddress.Validator.class)
public @interface WebAddress {

    String message() default "error.website";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || SafeUrl.isSafeAbsolute(value);
        }
    }
}
