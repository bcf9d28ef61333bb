package onboarding.commerce.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the order form as posted: one quantity per product named {@code qty-<SKU>}, and on the review page's
 * confirmation the unit prices the user saw, {@code price-<SKU>}.
 */
public record OrderForm(Map<String, String> quantities, Map<String, String> reviewedPrices) {

    public static final String QUANTITY = "qty-";
    public static final String PRICE = "price-";

    /** The order fields of a posted form (other fields, such as the CSRF token, are left out). */
    public static OrderForm of(Map<String, List<String>> fields) {
        Map<String, String> quantities = new LinkedHashMap<>();
        Map<String, String> prices = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            String value = values == null || values.isEmpty() ? null : values.get(0);
            if (name.startsWith(QUANTITY)) {
                quantities.put(name.substring(QUANTITY.length()), value);
            } else if (name.startsWith(PRICE)) {
                prices.put(name.substring(PRICE.length()), value);
            }
        });
        return new OrderForm(quantities, prices);
    }

    public static OrderForm empty() {
        return new OrderForm(Map.of(), Map.of());
    }

    /** The quantity field of {@code sku} as typed (empty when absent). */
    public String quantity(String sku) {
        String value = quantities.get(sku);
        return value == null ? "" : value;
    }
}
