package de.govtech.deploy.samplebroker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the handler of a request by method and path. Every path under {@code /v2/} passes the {@link ApiGuard}
 * first, every path under {@code /control/} its authentication; the others ({@code /health}, the dashboard) are open.
 */
final class Router {

    /** Handles one request; {@code id} is the path's first capture group (the instance id) or null. */
    @FunctionalInterface
    interface Handler {
        Reply handle(RecordedRequest request, String id);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final ApiGuard guard;
    private final List<Route> routes = new ArrayList<>();

    Router(ApiGuard guard) {
        this.guard = guard;
    }

    Router add(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    Reply dispatch(RecordedRequest request) {
        if (request.path().equals("/v2") || request.path().startsWith("/v2/")) {
            Optional<Reply> refusal = guard.refusal(request);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        } else if (request.path().startsWith("/control/")) {
            Optional<Reply> refusal = guard.authenticationRefusal(request);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.handler().handle(request, matcher.groupCount() > 0 ? matcher.group(1) : null);
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            return Reply.error(405, request.method() + " is not allowed here").withHeader("Allow", String.join(", ", allowed));
        }
        return Reply.error(404, "no such endpoint: " + request.path());
    }
}
