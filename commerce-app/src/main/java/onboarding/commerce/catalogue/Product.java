package onboarding.commerce.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product of the catalogue: SKU, name in English and French, unit price in the shop currency, active or not. */
@Entity
public class Product extends PanacheEntityBase {

    /** What a SKU looks like: 2 to 32 capital letters, digits and dashes. */
    public static final String SKU_PATTERN = "[A-Z0-9-]{2,32}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String sku;
    public String nameEn;
    public String nameFr;
    public BigDecimal unitPrice;
    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** The name in {@code language} ({@code fr} or else English). */
    public String name(String language) {
        return "fr".equals(language) ? nameFr : nameEn;
    }

    /** The active products, by SKU: what a partner can order. */
    public static List<Product> active() {
        return list("active = true order by sku");
    }

    public static Product bySku(String sku) {
        return find("sku", sku).firstResult();
    }
}
