package dev.halyard.user.api;

/**
 * An OAuth 2.0 style token response.
 *
 * @param accessToken the RS256 JWT to send as {@code Authorization: Bearer ...}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
