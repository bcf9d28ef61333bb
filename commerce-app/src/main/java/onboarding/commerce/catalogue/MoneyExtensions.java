package onboarding.commerce.catalogue;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import onboarding.ui.UiLocale;

/** {@code {amount.money(currency)}}: an amount in the reader's language ("€25,000.00", "25 000,00 €"); {@code —} for null. */
@TemplateExtension
public class MoneyExtensions {

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(UiLocale.current());
        if (currency != null) {
            format.setCurrency(Currency.getInstance(currency));
        }
        return format.format(amount);
    }

    /** {@code {amount.plain}}: the amount as a form field holds it ({@code 25000.00}). */
    static String plain(BigDecimal amount) {
        return Money.plain(amount);
    }
}
