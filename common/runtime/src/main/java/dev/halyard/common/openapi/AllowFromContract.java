package dev.halyard.common.openapi;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Corrects the {@code Allow} header of OPTIONS answers. RESTEasy Reactive lists every method of the resource
 * class, so {@code OPTIONS /products} would advertise the PUT and PATCH of {@code /products/{id}}; the
 * published contract says what the path itself answers.
 */
public class AllowFromContract {

    private final DocumentedRoutes routes;

    AllowFromContract(DocumentedRoutes routes) {
        this.routes = routes;
    }

    @ServerResponseFilter
    public void correctAllow(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            routes.allow(request.getUriInfo().getRequestUri().getPath())
                    .ifPresent(allow -> response.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
    }
}
