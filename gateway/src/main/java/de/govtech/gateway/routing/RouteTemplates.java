package de.govtech.gateway.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The route group a request path belongs to, as a path template ({@code /api/v1/membership/**}) for the HTTP server
 * metrics: requests are counted by route group, method and status, never by their concrete path, which would make
 * one time series per municipality, listing or verification code.
 */
public final class RouteTemplates {

    private static final String PREFIX = "/api/v1/";

    /** Route name → its template, looked up by the path segment after {@value #PREFIX}. */
    private final Map<String, String> templates = new HashMap<>();

    public RouteTemplates(Collection<String> routeNames) {
        routeNames.forEach(name -> templates.put(name, PREFIX + name + "/**"));
    }

    /**
     * The template of the route group whose forwarding route ({@code /api/v1/<name>/*}) matches the path, or null
     * for any other path (the gateway's own endpoints keep the metrics' own naming).
     */
    public String of(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        int end = path.indexOf('/', PREFIX.length());
        String name = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
        return templates.get(name);
    }
}
