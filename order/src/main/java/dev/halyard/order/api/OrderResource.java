package dev.halyard.order.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.security.Callers;
import dev.halyard.common.security.Roles;
import dev.halyard.order.domain.OrderService;
import dev.halyard.order.storage.Invoices;

/** Checkout and the caller's orders. Customers see their own orders; admins see any. */
@Path("/orders/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "orders")
public class OrderResource {

    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    private final OrderService orders;
    private final Invoices invoices;
    private final JsonWebToken jwt;

    OrderResource(OrderService orders, Invoices invoices, JsonWebToken jwt) {
        this.orders = orders;
        this.invoices = invoices;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order; retries with the same idempotency_key return the same order")
    @APIResponse(responseCode = "201", description = "Placed (or replayed: header Idempotent-Replayed: true)")
    public Uni<RestResponse<OrderResponse>> place(@Valid @NotNull PlaceOrderRequest request) {
        UUID caller = caller();
        if (request.userId() != null && !request.userId().equals(caller.toString())) {
            throw ProblemException.forbidden("user_id must be your own id.");
        }
        List<OrderLine> lines = request.items().stream()
                .map(i -> new OrderLine(i.productId(), i.productName(), i.quantity(), i.price()))
                .toList();
        return orders.place(caller, request.idempotencyKey(), lines).map(placed -> {
            var response = RestResponse.ResponseBuilder.<OrderResponse>created(
                    URI.create("/orders/api/v1/orders/" + placed.order().orderId))
                    .entity(OrderResponse.of(placed.order()));
            if (placed.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.build();
        });
    }

    @GET
    @Operation(summary = "The caller's orders, newest first")
    public Uni<OrderPage> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UUID caller = caller();
        return orders.list(caller, page, size).flatMap(items -> orders.count(caller).map(total -> new OrderPage(
                items.stream().map(OrderResponse::of).toList(), page, size, total)));
    }

    @GET
    @Path(ID)
    @Operation(summary = "An order (yours, or any for admins)")
    public Uni<OrderResponse> get(@PathParam("id") UUID id) {
        return orders.get(id, caller(), isAdmin()).map(OrderResponse::of);
    }

    @POST
    @Path(ID + "/cancel")
    @Operation(summary = "Cancel a PENDING or CONFIRMED order; its stock goes back")
    public Uni<OrderResponse> cancel(@PathParam("id") UUID id) {
        return orders.cancel(id, caller(), isAdmin()).map(OrderResponse::of);
    }

    @GET
    @Path(ID + "/invoice")
    @Produces({"text/html", MediaType.APPLICATION_JSON})
    @Operation(summary = "The invoice of a confirmed order (self-contained HTML), kept in the documents bucket")
    public Uni<Response> invoice(@PathParam("id") UUID id) {
        return invoices.invoice(id, caller(), isAdmin()).map(o -> Response.ok(o.bytes(), o.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .build());
    }

    private boolean isAdmin() {
        return Callers.isAdmin(jwt);
    }

    /** The account the verified token was issued to. */
    private UUID caller() {
        return Callers.id(jwt);
    }
}
