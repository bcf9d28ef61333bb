package onboarding.commerce.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What the shop sells in ({@code commerce.shop.*}). */
@ConfigMapping(prefix = "commerce.shop")
public interface ShopConfig {

    /**
     * ISO 4217 codes of the currencies the shop prices in; the unit prices of the catalogue are in the first one.
     * An organisation's credit is in one of them, and it orders on account in its credit's currency.
     */
    @WithDefault("EUR")
    List<String> currencies();

    /** Time zone of the calendar months of the users' monthly limits (an ID such as {@code UTC} or {@code Europe/Paris}). */
    @WithDefault("UTC")
    String timeZone();

    /** The largest quantity of one product in one order. */
    @WithDefault("9999")
    int maxQuantity();
}
