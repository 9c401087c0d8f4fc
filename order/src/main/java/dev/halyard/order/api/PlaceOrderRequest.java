package dev.halyard.order.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /orders} (seed 004's request).
 *
 * @param userId optional ({@code null} as absent); when present it must be the caller's own id
 * @param items 1 to 50 lines; a product on several lines is reserved for their sum
 * @param idempotencyKey chosen by the client; retrying with the same key returns the same order
 */
public record PlaceOrderRequest(
        @Size(max = 64) @Schema(nullable = true) String userId,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull OrderItemRequest> items,
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$") String idempotencyKey) {
}
