package dev.halyard.user.api;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.halyard.user.auth.SigningKey;
import dev.halyard.user.auth.TokenIssuer;
import dev.halyard.user.domain.UserService;

/** Login and the public key other services verify our tokens with. */
@Path("/users/api/v1")
@Tag(name = "auth")
public class AuthResource {

    private final UserService users;
    private final TokenIssuer tokens;
    private final SigningKey key;

    AuthResource(UserService users, TokenIssuer tokens, SigningKey key) {
        this.users = users;
        this.tokens = tokens;
        this.key = key;
    }

    @POST
    @Path("auth/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in: exchange email and password for an access token")
    public Uni<Response> token(@Valid @NotNull LoginRequest request) {
        return users.authenticate(request.email(), request.password()).map(user -> {
            TokenIssuer.IssuedToken issued = tokens.issue(user);
            return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresIn()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        });
    }

    @GET
    @Path(".well-known/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JSON Web Key Set that verifies our tokens")
    public Response jwks() {
        Map<String, Object> jwks = key.jwks();
        return Response.ok(jwks).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
