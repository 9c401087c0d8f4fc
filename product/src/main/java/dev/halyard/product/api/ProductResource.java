package dev.halyard.product.api;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.security.Roles;
import dev.halyard.common.storage.ImageUploads;
import dev.halyard.product.domain.Product;
import dev.halyard.product.domain.ProductService;

/** The catalog: seed 004's routes plus listing, editing and images. Writes are for admins. */
@Path("/products/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductResource {

    private static final String ID = "{id: [A-Za-z0-9][A-Za-z0-9_-]{0,63}}";

    private final ProductService service;
    private final ImageUploads uploads;

    ProductResource(ProductService service, ImageUploads uploads) {
        this.service = service;
        this.uploads = uploads;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a product (admin)")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<ProductResponse>> create(@Valid @NotNull CreateProductRequest request) {
        return service.create(request.productId(), details(request.fields()))
                .map(p -> RestResponse.ResponseBuilder.<ProductResponse>created(
                        URI.create("/products/api/v1/products/" + p.productId)).entity(view(p)).build());
    }

    @GET
    @PermitAll
    @Operation(summary = "List products, optionally of one category, a page at a time")
    public Uni<ProductPage> list(
            @QueryParam("category") @Pattern(regexp = ProductFields.CATEGORY) @Parameter(description = "Only products of this category; absent for all") String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(category, page, size).map(result -> new ProductPage(
                result.items().stream().map(this::view).toList(), page, size, result.total()));
    }

    @GET
    @Path(ID)
    @PermitAll
    @Operation(summary = "Get a product")
    public Uni<ProductResponse> get(@PathParam("id") String id) {
        return service.get(id).map(this::view);
    }

    @PUT
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a product's details (admin)")
    public Uni<ProductResponse> replace(@PathParam("id") String id, @Valid @NotNull ProductFields fields) {
        return service.replace(id, details(fields)).map(this::view);
    }

    @PATCH
    @Path(ID)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change some of a product's details (admin)")
    public Uni<ProductResponse> patch(@PathParam("id") String id, @Valid @NotNull ProductPatch patch) {
        return service.update(id, p -> {
            if (patch.name() != null) {
                p.name = patch.name().strip();
            }
            if (patch.price() != null) {
                p.price = patch.price();
            }
            if (patch.stock() != null) {
                p.stock = patch.stock();
            }
            if (patch.description() != null) {
                p.description = patch.description().orElse(null);
            }
            if (patch.category() != null) {
                p.category = patch.category().orElse(null);
            }
        }).map(this::view);
    }

    @POST
    @Path(ID + "/deduct")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take units from stock atomically (admin); 409 when not enough are left")
    public Uni<DeductResponse> deduct(@PathParam("id") String id, @Valid @NotNull DeductRequest request) {
        return service.deduct(id, request.quantity()).map(left -> new DeductResponse(id, left));
    }

    @PUT
    @Path(ID + "/image")
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Upload the product image (admin): PNG, JPEG or WebP, checked by content")
    public Uni<ProductResponse> putImage(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return Uni.createFrom().item(() -> uploads.accept(id, contentType, body))
                .flatMap(image -> service.setImage(id, image))
                .map(this::view);
    }

    @GET
    @Path(ID + "/image")
    @PermitAll
    @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the product image")
    public Uni<Response> image(@PathParam("id") String id) {
        return service.image(id).map(o -> Response.ok(o.bytes(), o.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .build());
    }

    private ProductResponse view(Product product) {
        return ProductResponse.of(product, service.imageUrl(product));
    }

    private static ProductService.Details details(ProductFields f) {
        return new ProductService.Details(f.name(), f.price(), f.stock(), f.description(), f.category());
    }
}
