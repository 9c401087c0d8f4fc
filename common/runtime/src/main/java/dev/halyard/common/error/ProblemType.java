package dev.halyard.common.error;

import java.net.URI;

/** The kinds of problem our APIs report, each with its status and a stable type URI clients can switch on. */
public enum ProblemType {
    VALIDATION(400, "validation-failed", "Request validation failed"), MALFORMED(400, "malformed-request",
            "Malformed request"), UNAUTHENTICATED(401, "unauthenticated", "Authentication required"), FORBIDDEN(403,
                    "forbidden", "Forbidden"), NOT_FOUND(404, "not-found", "Resource not found"), METHOD_NOT_ALLOWED(
                            405, "method-not-allowed", "Method not allowed"), NOT_ACCEPTABLE(406, "not-acceptable",
                                    "Not acceptable"), CONFLICT(409, "conflict", "Conflict"), PAYLOAD_TOO_LARGE(413,
                                            "payload-too-large", "Payload too large"), UNSUPPORTED_MEDIA_TYPE(415,
                                                    "unsupported-media-type", "Unsupported media type"), UNPROCESSABLE(
                                                            422, "unprocessable-content",
                                                            "Unprocessable content"), TOO_MANY_REQUESTS(429,
                                                                    "too-many-requests", "Too many requests"), INTERNAL(
                                                                            500, "internal-error",
                                                                            "Internal server error"), UNAVAILABLE(503,
                                                                                    "service-unavailable",
                                                                                    "Service unavailable");

    private static final String BASE = "https://halyard.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The type for a status we have no specific type for (a generic client or server error). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED;
    }
}
