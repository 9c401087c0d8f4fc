package dev.halyard.common.messaging;

/** Fired after a transaction that added outbox rows committed: the relay (if this service has one) runs now. */
public record OutboxWritten() {
}
