package onboarding.commerce.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** The shop's settings, checked once: its currencies, the month of a monthly limit, the largest quantity. */
@ApplicationScoped
public class Shop {

    /** The span of a calendar month: from its first instant (included) to the next month's (excluded). */
    public record Month(Instant start, Instant end) {
    }

    private final List<String> currencies;
    private final ZoneId zone;
    private final int maxQuantity;

    Shop(ShopConfig config) {
        if (config.currencies().isEmpty()) {
            throw new IllegalArgumentException("commerce.shop.currencies needs at least one ISO 4217 code");
        }
        for (String code : config.currencies()) {
            if (!code.matches("[A-Z]{3}") || !Currency.getAvailableCurrencies().contains(Currency.getInstance(code))) {
                throw new IllegalArgumentException("commerce.shop.currencies: " + code + " is not an ISO 4217 code");
            }
        }
        if (config.maxQuantity() < 1) {
            throw new IllegalArgumentException("commerce.shop.max-quantity must be at least 1");
        }
        this.currencies = List.copyOf(config.currencies());
        this.zone = ZoneId.of(config.timeZone());
        this.maxQuantity = config.maxQuantity();
    }

    /** The currencies the shop prices in (an organisation's credit is in one of them). */
    public List<String> currencies() {
        return currencies;
    }

    /** The currency of the catalogue's unit prices. */
    public String priceCurrency() {
        return currencies.get(0);
    }

    public boolean sellsIn(String currency) {
        return currencies.contains(currency);
    }

    public int maxQuantity() {
        return maxQuantity;
    }

    /** The calendar month {@code instant} falls in, in the shop's time zone. */
    public Month monthOf(Instant instant) {
        LocalDate first = instant.atZone(zone).toLocalDate().withDayOfMonth(1);
        return new Month(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
    }
}
