package dev.halyard.common.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document, the body of every error response ({@code application/problem+json}).
 *
 * @param type URI naming the kind of problem; {@link ProblemType} lists ours
 * @param title short, stable summary of the kind of problem
 * @param status the HTTP status code, repeated for clients that only see the body
 * @param detail what went wrong with this request, in words meant for the client
 * @param instance the request path
 * @param correlationId the request's correlation id, also in the {@code X-Request-Id} header and in our logs
 * @param errors one entry per invalid field, for validation problems
 */
// written by exception mappers (inside a Response) and HttpGuard, where Quarkus cannot see the type; the native
// image keeps only what is registered
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
        List<FieldError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input field.
     *
     * @param field the JSON path of the field, in the request's own (snake_case) names
     * @param message why the value was rejected
     */
    public record FieldError(String field, String message) {
    }
}
