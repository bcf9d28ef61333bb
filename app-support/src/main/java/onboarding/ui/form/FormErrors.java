package onboarding.ui.form;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Validation errors of a form by field: bundle keys, shown next to their field in the page's language. */
public final class FormErrors {

    private FormErrors() {
    }

    /** One error per field; when a field breaks several rules, the most basic one: missing, too long, malformed. */
    public static <T> Map<String, String> of(Set<ConstraintViolation<T>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> violation : violations) {
            errors.merge(violation.getPropertyPath().toString(), violation.getMessage(),
                    (first, second) -> rank(second) < rank(first) ? second : first);
        }
        return errors;
    }

    private static int rank(String errorKey) {
        return errorKey.equals("error.required") ? 0 : errorKey.startsWith("error.tooLong") ? 1 : 2;
    }

    /** Trimmed text, null when blank. */
    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
