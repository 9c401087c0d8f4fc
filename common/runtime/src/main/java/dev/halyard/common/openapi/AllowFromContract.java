package dev.halyard.common.openapi;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The {@code Allow} header from the published contract, on the two answers that carry it. A 405 must name the
 * allowed methods (RFC 9110), and RESTEasy Reactive leaves the header out; its OPTIONS answer lists every method
 * of the resource class, so {@code OPTIONS /products} would advertise the PUT and PATCH of
 * {@code /products/{id}}. Exception mappers' answers pass through here too, so the 405 problem document gets it.
 */
public class AllowFromContract {

    private final DocumentedRoutes routes;

    AllowFromContract(DocumentedRoutes routes) {
        this.routes = routes;
    }

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        boolean options = HttpMethod.OPTIONS.equals(request.getMethod())
                && response.getHeaders().containsKey(HttpHeaders.ALLOW);
        if (options || response.getStatus() == 405) {
            routes.allow(request.getUriInfo().getRequestUri().getPath())
                    .ifPresent(allow -> response.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
    }
}
