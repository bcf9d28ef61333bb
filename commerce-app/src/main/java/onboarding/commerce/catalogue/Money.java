package onboarding.commerce.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money as typed in a form: digits with an optional decimal point or comma and at most two decimals;
 * spaces (also no-break spaces) group thousands. No sign, no exponent, no thousands separator that could be read as a
 * decimal one ("1,000" is refused: it could be one thousand or one). Values are {@code BigDecimal} with 2 decimals.
 */
public final class Money {

    /** The largest amount a limit, a price, a payment or an order total may have. */
    public static final BigDecimal MAX = new BigDecimal("99999999.99");
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** The amount {@code text} stands for with 2 decimals, or null when it is not an amount (or is blank). */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.strip().replaceAll("[ \\u00A0\\u202F]", "");
        if (!compact.matches("\\d{1,12}([.,]\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(compact.replace(',', '.')).setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * The error (bundle key) of an amount field, or null when {@code text} is an amount from {@code min} (0 or 0.01)
     * to {@link #MAX}: {@code error.required} when blank, {@code error.amount} otherwise.
     */
    public static String error(String text, boolean zeroAllowed) {
        if (text == null || text.isBlank()) {
            return "error.required";
        }
        BigDecimal amount = parse(text);
        if (amount == null || amount.compareTo(MAX) > 0 || (!zeroAllowed && amount.signum() == 0)) {
            return zeroAllowed ? "error.amountOrZero" : "error.amount";
        }
        return null;
    }

    /** The plain form of an amount for a form field or a timeline ({@code 25000.00}); empty for null. */
    public static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** An amount with its currency for a timeline entry ({@code 25000.00 EUR}), the same in every language. */
    public static String withCurrency(BigDecimal amount, String currency) {
        return plain(amount) + " " + currency;
    }
}
