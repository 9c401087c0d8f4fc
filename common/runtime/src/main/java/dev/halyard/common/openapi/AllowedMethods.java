package dev.halyard.common.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The methods each path of an OpenAPI document answers, for the {@code Allow} header RFC 9110 requires on a 405.
 * RESTEasy Reactive refuses an undeclared method without naming the allowed ones, and its own OPTIONS answer
 * lists every method of the resource class; the service's published contract is the exact source.
 */
public final class AllowedMethods {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");

    private final List<Route> routes;

    private AllowedMethods(List<Route> routes) {
        this.routes = routes;
    }

    /** Reads the {@code paths} object of an OpenAPI document. */
    public static AllowedMethods of(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    methods.add(name.toUpperCase(Locale.ROOT));
                }
            });
            if (!methods.isEmpty()) {
                routes.add(new Route(template(path.getKey()), methods));
            }
        }
        return new AllowedMethods(List.copyOf(routes));
    }

    /**
     * The value of the {@code Allow} header for a request path, or empty when no documented path matches. HEAD
     * comes with GET and OPTIONS always, as the framework answers both.
     */
    public Optional<String> allow(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.pattern().matcher(path).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return Optional.of(String.join(", ", methods));
    }

    /** {@code /products/{id}/image} becomes {@code \Q/products/\E[^/]+\Q/image\E}. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(path);
        int from = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(path.substring(from, variable.start()))).append("[^/]+");
            from = variable.end();
        }
        regex.append(Pattern.quote(path.substring(from)));
        return Pattern.compile(regex.toString());
    }

    private record Route(Pattern pattern, Set<String> methods) {
    }
}
