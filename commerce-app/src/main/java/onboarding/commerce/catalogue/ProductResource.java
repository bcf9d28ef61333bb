package onboarding.commerce.catalogue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import onboarding.ui.Page;

/** Back office: the catalogue (staff). */
@Path("/hq/products")
@Produces(MediaType.TEXT_HTML)
public class ProductResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<Product> page, String currency);

        static native TemplateInstance form(Product product, ProductForm form, Map<String, String> errors,
                String currency, boolean saved);
    }

    private final ProductService products;
    private final Shop shop;

    ProductResource(ProductService products, Shop shop) {
        this.products = products;
        this.shop = shop;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        return Templates.list(products.list(Page.clamp(page)), shop.priceCurrency());
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.form(null, ProductForm.empty(), Map.of(), shop.priceCurrency(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ProductForm form) {
        ProductService.Result result = products.create(form);
        if (!result.saved()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(null, form, result.errors(), shop.priceCurrency(), false)).build();
        }
        return Response.seeOther(URI.create("/hq/products/" + result.product().id + "?saved=true")).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") String saved) {
        Product product = products.get(id);
        return Templates.form(product, ProductForm.of(product), Map.of(), shop.priceCurrency(), saved != null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam ProductForm form) {
        ProductService.Result result = products.update(id, form);
        if (!result.saved()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(products.get(id), form, result.errors(), shop.priceCurrency(), false)).build();
        }
        return Response.seeOther(URI.create("/hq/products/" + id + "?saved=true")).build();
    }
}
