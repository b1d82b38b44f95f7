package de.govtech.membership.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST with an empty body (e.g. {@code POST /memberships/{id}/notice} or {@code POST /fees/invoices/{id}/payment},
 * whose bodies are optional) counts as an empty JSON body, whatever Content-Type it names or omits: without this,
 * resource matching answers 415 before the resource sees it. A non-empty body of another media type still gets 415.
 * A pre-matching filter, so the Content-Type it sets takes part in matching.
 */
public class EmptyBodyAsJson {

    @ServerRequestFilter(preMatching = true)
    public void emptyBodyIsJson(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && isEmpty(request)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    private static boolean isEmpty(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") == null && (length == null || "0".equals(length.trim()));
    }
}
