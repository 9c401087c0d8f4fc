package dev.halyard.common.storage;

/**
 * An object read from storage.
 *
 * @param contentType the media type it was stored with
 * @param bytes its content
 */
public record StoredObject(String contentType, byte[] bytes) {
}
