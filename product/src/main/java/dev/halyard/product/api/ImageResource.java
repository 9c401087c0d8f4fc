package dev.halyard.product.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.halyard.product.domain.ProductService;

/**
 * Serves image objects by key, as the CDN does in production ({@code image_url} is the public base URL plus the
 * key). Locally the public base URL points here. Keys contain a content hash, so responses are immutable.
 */
@Path("/products/api/v1/images")
@Tag(name = "images")
public class ImageResource {

    private final ProductService service;

    ImageResource(ProductService service) {
        this.service = service;
    }

    @GET
    @Path("{owner: [A-Za-z0-9][A-Za-z0-9_-]{0,63}}/{file: [a-f0-9]{32}\\.(png|jpg|webp)}")
    @PermitAll
    @Produces({"image/png", "image/jpeg", "image/webp", "application/json"})
    @Operation(summary = "Download an image object by key (the CDN's view of the bucket)")
    public Uni<Response> get(@PathParam("owner") String owner, @PathParam("file") String file) {
        return service.imageByKey(owner + "/" + file).map(o -> Response.ok(o.bytes(), o.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .build());
    }
}
