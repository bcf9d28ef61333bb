package onboarding.commerce.catalogue;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import onboarding.ui.CappedCount;
import onboarding.ui.ConflictException;
import onboarding.ui.Page;
import onboarding.ui.form.FormErrors;

/** The catalogue in the back office: list, create, edit. */
@ApplicationScoped
public class ProductService {

    public static final int PAGE_SIZE = 50;

    /** The outcome of a save: the product, or the errors per field (bundle keys). */
    public record Result(Product product, Map<String, String> errors) {
        public boolean saved() {
            return errors.isEmpty();
        }
    }

    private final Validator validator;

    ProductService(Validator validator) {
        this.validator = validator;
    }

    public Page<Product> list(int page) {
        var items = Product.<Product>findAll(Sort.ascending("sku")).page(page - 1, PAGE_SIZE).list();
        return Page.of(items, page, PAGE_SIZE, CappedCount.all("Product"));
    }

    public Product get(long id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw new NotFoundException("no product " + id);
        }
        return product;
    }

    @Transactional
    public Result create(ProductForm form) {
        Map<String, String> errors = validate(form, null);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        Product product = new Product();
        product.createdAt = Instant.now();
        apply(product, form);
        product.persist();
        return new Result(product, Map.of());
    }

    /** Saves a product edited on a form rendered with {@code form.version}; a stale form is a conflict (409). */
    @Transactional
    public Result update(long id, ProductForm form) {
        Product product = Product.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw new NotFoundException("no product " + id);
        }
        ConflictException.checkVersion(product.version, form.version);
        Map<String, String> errors = validate(form, product.id);
        if (!errors.isEmpty()) {
            return new Result(product, errors);
        }
        apply(product, form);
        product.updatedAt = Instant.now();
        return new Result(product, Map.of());
    }

    private Map<String, String> validate(ProductForm form, Long self) {
        form.normalize();
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(validator.validate(form)));
        String price = Money.error(form.unitPrice, false);
        if (price != null) {
            errors.put("unitPrice", price);
        }
        if (!errors.containsKey("sku")) {
            // two staff saving the same new SKU at once: the second waits here for the first to commit, then sees it
            // (instead of failing on the unique index at commit)
            Product.getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('product.sku:' || ?1))")
                    .setParameter(1, form.sku).getSingleResult();
            Product same = Product.bySku(form.sku);
            if (same != null && !same.id.equals(self)) {
                errors.put("sku", "error.sku.taken");
            }
        }
        return errors;
    }

    private static void apply(Product product, ProductForm form) {
        product.sku = form.sku;
        product.nameEn = form.nameEn;
        product.nameFr = form.nameFr;
        product.unitPrice = Money.parse(form.unitPrice);
        product.active = form.isActive();
    }
}
