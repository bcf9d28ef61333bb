package onboarding.commerce.order;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One line of an order as confirmed: the product, its names and unit price at that moment, the quantity. */
@Embeddable
public class OrderLine {

    public Long productId;
    public String sku;
    public String nameEn;
    public String nameFr;
    public BigDecimal unitPrice;
    public int quantity;
    public BigDecimal lineTotal;

    /** The product's name in {@code language} ({@code fr} or else English). */
    public String name(String language) {
        return "fr".equals(language) ? nameFr : nameEn;
    }
}
