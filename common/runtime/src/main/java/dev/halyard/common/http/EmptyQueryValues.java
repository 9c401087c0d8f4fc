package dev.halyard.common.http;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.halyard.common.error.ProblemException;

/**
 * Refuses {@code ?page=}: an empty value is not an absent parameter, and the framework would quietly read it as
 * the default (or no filter), a guess our API does not make. The published schemas type every parameter, so the
 * empty string is invalid there too.
 */
public class EmptyQueryValues {

    @ServerRequestFilter
    public void refuse(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(String::isEmpty)) {
                throw ProblemException.invalidField(parameter.getKey(),
                        "must not be empty; leave the parameter out instead");
            }
        }
    }
}
