package de.govtech.platform.support.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

/**
 * PostgreSQL cannot store the NUL character in text, so a {@code %00} in the path or in a query parameter is
 * refused before it reaches a resource (bodies: {@link NulFreeStrings}). Malformed percent-encoding is refused
 * here too, as the request's fault.
 */
public class UnstorableCharacters {

    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The request URI has malformed percent-encoding.").toResponse();
        }
        if (path.indexOf('\0') >= 0) {
            return Problem.of(ProblemType.VALIDATION_FAILED, "The request path " + NUL_MESSAGE + ".").toResponse();
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            boolean nul = parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0);
            if (nul) {
                errors.add(new FieldError(parameter.getKey().replace("\0", "%00"), NUL_MESSAGE));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return Problem.of(ProblemType.VALIDATION_FAILED, "The request has " + errors.size() + " invalid "
                + (errors.size() == 1 ? "value." : "values."), errors).toResponse();
    }
}
