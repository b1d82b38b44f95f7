package de.govtech.learning.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Actions with an optional body ({@code POST /enrolments/{id}/cancel}) accept a POST without any body as JSON, so
 * matching does not answer 415 for the missing Content-Type. Runs before matching; bodies that are present keep their
 * media type.
 */
public class OptionalJsonBody {

    @ServerRequestFilter(preMatching = true)
    public void treatMissingBodyAsJson(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || request.getHeaderString("Transfer-Encoding") != null) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || length.strip().equals("0")) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
