package dev.halyard.common.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The single exception-to-HTTP mapping of every service. Responses never carry stack traces, class names or
 * parser internals; server faults are logged with the request's correlation id, which the client also receives.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = Problems.response(e.type(), e.type().status(), e.getMessage(), path(uri), e.errors());
        if (e.retryAfter() != null) {
            return Response.fromResponse(response)
                    .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return Problems.response(ProblemType.VALIDATION, 400, "The request has invalid fields.", path(uri), errors);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e, UriInfo uri) {
        return Problems.response(ProblemType.MALFORMED, "The request body is not valid JSON.", path(uri));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Problems.response(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return Problems.response(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemType.FORBIDDEN, "You are not allowed to do this.", path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter does not convert (page=abc); it is the
            // client's malformed input, not a missing resource
            return Problems.response(ProblemType.VALIDATION, 400, "A query or path parameter has an invalid value.",
                    path(uri), List.of());
        }
        if (status >= 500) {
            return serverFault(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String detail = reason == null ? type.title() : reason.getReasonPhrase() + ".";
        Response response = Problems.response(type, status, detail, path(uri), List.of());
        String allow = e.getResponse().getHeaderString("Allow");
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Outages.isOutage(e)) {
            LOG.warnf("Dependency unavailable on %s (correlation id %s): %s", path(uri),
                    Problems.currentCorrelationId(), e.getMessage());
            return Response.fromResponse(Problems.response(ProblemType.UNAVAILABLE,
                    "A service this request needs is briefly unavailable; retry shortly.", path(uri)))
                    .header("Retry-After", "1").build();
        }
        if (Outages.isUnstorableText(e)) {
            return Problems.response(ProblemType.VALIDATION, "A text field contains a NUL character, which cannot "
                    + "be stored.", path(uri));
        }
        return serverFault(e, uri);
    }

    private static Response serverFault(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unhandled error on %s (correlation id %s)", path(uri), Problems.currentCorrelationId());
        return Problems.response(ProblemType.INTERNAL,
                "An unexpected error occurred. Quote the correlation id when you report it.", path(uri));
    }

    private static Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException) {
            return Problems.response(ProblemType.MALFORMED, "The request body is not valid JSON.", path(uri));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = e instanceof ValueInstantiationException
                    ? "has an invalid value"
                    : e instanceof InvalidNullException
                            ? "must not be null"
                            : "has the wrong type or format";
            return Problems.response(ProblemType.VALIDATION, 400, "The request has invalid fields.", path(uri),
                    List.of(new Problem.FieldError(field, message)));
        }
        return Problems.response(ProblemType.MALFORMED, "The request body does not have the expected shape.",
                path(uri));
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * "place.request.items[0].unitPrice" becomes "items[0].unit_price": drop the method and parameter. Bean
     * Validation puts a list index on the node after the list, so it is appended to what came before.
     */
    static String fieldName(Path propertyPath) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                if (field.isEmpty() && parameter != null) {
                    field.append(snakeCase(parameter));
                }
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(snakeCase(name));
        }
        if (field.isEmpty()) {
            return parameter == null ? "body" : snakeCase(parameter);
        }
        return field.toString();
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
