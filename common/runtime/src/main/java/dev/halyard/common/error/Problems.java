package dev.halyard.common.error;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;

import dev.halyard.common.http.CorrelationId;

/** Builds problem responses; the only place that turns a {@link ProblemType} into HTTP. */
public final class Problems {

    private Problems() {
    }

    public static Response response(ProblemType type, String detail, String path) {
        return response(type, type.status(), detail, path, List.of());
    }

    public static Response response(ProblemType type, int status, String detail, String path,
            List<Problem.FieldError> errors) {
        Problem body = new Problem(type.uri().toString(), type.title(), status, detail, path, currentCorrelationId(),
                errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    static String currentCorrelationId() {
        Object id = MDC.get(CorrelationId.MDC_KEY);
        return id == null ? null : id.toString();
    }
}
