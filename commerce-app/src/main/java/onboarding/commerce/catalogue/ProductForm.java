package onboarding.commerce.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import onboarding.ui.form.FormErrors;
import org.jboss.resteasy.reactive.RestForm;

/** The product form of the back office ({@code sku}, {@code nameEn}, {@code nameFr}, {@code unitPrice}, {@code active}). */
public class ProductForm {

    @RestForm
    @NotBlank(message = "error.required")
    @Pattern(regexp = Product.SKU_PATTERN, message = "error.sku")
    public String sku;

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String nameEn;

    @RestForm
    @NotBlank(message = "error.required")
    @Size(max = 200, message = "error.tooLong200")
    public String nameFr;

    /** Validated as money (positive, two decimals, at most {@link Money#MAX}), kept as typed for the form. */
    @RestForm
    public String unitPrice;

    /** The checkbox: present ({@code true}) when checked. */
    @RestForm
    public String active;

    @RestForm
    public Long version;

    public static ProductForm empty() {
        ProductForm form = new ProductForm();
        form.active = "true";
        return form;
    }

    public static ProductForm of(Product product) {
        ProductForm form = new ProductForm();
        form.sku = product.sku;
        form.nameEn = product.nameEn;
        form.nameFr = product.nameFr;
        form.unitPrice = Money.plain(product.unitPrice);
        form.active = product.active ? "true" : null;
        form.version = product.version;
        return form;
    }

    /** Trims the fields; a SKU is written in capitals. */
    public ProductForm normalize() {
        sku = sku == null ? null : FormErrors.clean(sku.toUpperCase(Locale.ROOT));
        nameEn = FormErrors.clean(nameEn);
        nameFr = FormErrors.clean(nameFr);
        unitPrice = unitPrice == null ? null : unitPrice.strip();
        return this;
    }

    public boolean isActive() {
        return active != null && !active.isBlank() && !"false".equals(active);
    }
}
