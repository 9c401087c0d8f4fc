package dev.halyard.common.events;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One line of an order, as the customer placed it (seed 004's item shape).
 *
 * @param productId the product
 * @param productName its name at ordering time
 * @param quantity units, at least one
 * @param price unit price the customer saw; product rejects the order if the catalog price differs
 */
// (de)serialized by Outbox and EventReader through ObjectMapper, invisible to Quarkus: registered for native image
@RegisterForReflection
public record OrderLine(String productId, String productName, int quantity, BigDecimal price) {
}
