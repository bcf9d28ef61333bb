package onboarding.commerce.catalogue;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** A handful of plausible products for a B2B tool shop, added at start-up to an empty catalogue when demo data are on. */
@ApplicationScoped
public class DemoProducts {

    private static final Logger LOG = Logger.getLogger(DemoProducts.class);

    record Demo(String sku, String nameEn, String nameFr, String unitPrice) {
    }

    static final List<Demo> PRODUCTS = List.of(
            new Demo("DRL-18V", "Cordless drill 18 V with two batteries", "Perceuse sans fil 18 V avec deux batteries", "149.00"),
            new Demo("GLV-NIT-100", "Nitrile gloves, box of 100", "Gants en nitrile, boîte de 100", "12.90"),
            new Demo("SCR-A2-4X40", "Stainless steel screws 4 × 40 mm, box of 500", "Vis inox 4 × 40 mm, boîte de 500", "24.50"),
            new Demo("SAF-GLS", "Safety glasses, clear", "Lunettes de protection incolores", "8.75"),
            new Demo("LAD-AL-3M", "Aluminium ladder 3 m", "Échelle en aluminium 3 m", "189.00"),
            new Demo("WRK-BENCH-150", "Workbench 150 cm with drawer", "Établi 150 cm avec tiroir", "420.00"));

    private final DemoDataConfig config;

    DemoProducts(DemoDataConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled() || Product.count() > 0) {
            return;
        }
        for (Demo demo : PRODUCTS) {
            Product product = new Product();
            product.sku = demo.sku();
            product.nameEn = demo.nameEn();
            product.nameFr = demo.nameFr();
            product.unitPrice = new BigDecimal(demo.unitPrice());
            product.active = true;
            product.createdAt = Instant.now();
            product.persist();
        }
        LOG.infof("created %d demo products", PRODUCTS.size());
    }
}
