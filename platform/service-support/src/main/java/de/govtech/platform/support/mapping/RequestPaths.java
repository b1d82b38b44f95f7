package de.govtech.platform.support.mapping;

import java.net.URI;

import io.vertx.core.http.HttpServerRequest;

final class RequestPaths {

    private RequestPaths() {
    }

    /** The request path as problem {@code instance}; null if it is not a valid URI reference. */
    static URI instance(HttpServerRequest request) {
        if (request == null || request.path() == null) {
            return null;
        }
        try {
            return URI.create(request.path());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String path(HttpServerRequest request) {
        return request == null ? "?" : request.path();
    }

    static String method(HttpServerRequest request) {
        return request == null ? "?" : request.method().name();
    }
}
