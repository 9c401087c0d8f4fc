package dev.halyard.user.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

import dev.halyard.common.security.Callers;
import dev.halyard.common.security.Roles;
import dev.halyard.common.storage.ImageUploads;
import dev.halyard.user.domain.Notifications;
import dev.halyard.user.domain.UserService;

/** Registration and the caller's own profile, avatar and notifications. */
@Path("/users/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    private final UserService users;
    private final ImageUploads uploads;
    private final Notifications notifications;
    private final JsonWebToken jwt;

    UserResource(UserService users, ImageUploads uploads, Notifications notifications, JsonWebToken jwt) {
        this.users = users;
        this.uploads = uploads;
        this.notifications = notifications;
        this.jwt = jwt;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a customer account")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<UserResponse>> register(@Valid @NotNull RegisterRequest request) {
        return users.register(request.email(), request.password(), request.name(), Roles.CUSTOMER)
                .map(user -> RestResponse.ResponseBuilder.<UserResponse>created(URI.create("/users/api/v1/users/me"))
                        .entity(UserResponse.of(user)).build());
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Operation(summary = "The caller's profile")
    public Uni<UserResponse> me() {
        return users.get(caller()).map(UserResponse::of);
    }

    @PATCH
    @Path("me")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the caller's display name")
    public Uni<UserResponse> update(@Valid @NotNull ProfilePatch patch) {
        return users.rename(caller(), patch.name()).map(UserResponse::of);
    }

    @PUT
    @Path("me/avatar")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    @Operation(summary = "Upload the caller's avatar: PNG, JPEG or WebP, checked by content")
    public Uni<UserResponse> putAvatar(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        UUID userId = caller();
        return Uni.createFrom().item(() -> uploads.accept(userId.toString(), contentType, body))
                .flatMap(image -> users.setAvatar(userId, image))
                .map(UserResponse::of);
    }

    @GET
    @Path("me/avatar")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the caller's avatar")
    public Uni<Response> avatar() {
        return users.avatar(caller()).map(o -> Response.ok(o.bytes(), o.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
                .build());
    }

    @GET
    @Path("me/notifications")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Operation(summary = "The caller's notifications about their orders, newest first")
    public Uni<NotificationPage> notifications(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UUID userId = caller();
        return notifications.page(userId, page, size).flatMap(items -> notifications.count(userId).map(
                total -> new NotificationPage(items.stream().map(NotificationPage.Item::of).toList(), page, size,
                        total)));
    }

    /** The account the verified token was issued to. */
    private UUID caller() {
        return Callers.id(jwt);
    }
}
