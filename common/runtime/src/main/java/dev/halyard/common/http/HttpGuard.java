package dev.halyard.common.http;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.halyard.common.error.Problem;
import dev.halyard.common.error.ProblemType;

/**
 * First handler of every HTTP request: assigns the correlation id (MDC and response header) and rejects a body
 * whose declared length exceeds the limit before a byte of it is read, as a problem document.
 */
@Singleton
public class HttpGuard {

    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    HttpGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
            ObjectMapper mapper) {
        this.maxBodyBytes = maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String incoming = rc.request().getHeader(CorrelationId.HEADER);
        String id = CorrelationId.isAcceptable(incoming) ? incoming : UUID.randomUUID().toString();
        MDC.put(CorrelationId.MDC_KEY, id);
        rc.response().putHeader(CorrelationId.HEADER, id);

        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            reject(rc, id);
            return;
        }
        rc.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void reject(RoutingContext rc, String id) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status(),
                "The request body exceeds " + maxBodyBytes + " bytes.", rc.request().path(), id, null);
        try {
            rc.response()
                    .setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
